package se.samverkan.api.service;

/** Base of the errors a caller can act on; each maps to one HTTP status and one console line. */
public abstract class SamverkanException extends RuntimeException {

    protected SamverkanException(String message) {
        super(message);
    }

    /** The HTTP status that describes this error. */
    public abstract int status();

    /** A short title for the kind of error, e.g. "Not found". */
    public abstract String title();
}
