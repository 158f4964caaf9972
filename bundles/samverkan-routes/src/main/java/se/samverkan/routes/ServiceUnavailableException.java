package se.samverkan.routes;

/**
 * The {@code samverkan:} endpoint could not reach the service that stores its records (storage is starting,
 * stopped or being updated), or storage failed in a way that says nothing about the record (a lost database
 * connection). A route's error handler may send the records again: records already stored come back
 * unchanged.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
