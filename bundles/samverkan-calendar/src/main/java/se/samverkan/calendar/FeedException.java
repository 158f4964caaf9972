package se.samverkan.calendar;

/** The whole feed is unusable (not iCalendar, unreadable); the message says why. */
public class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedException(String message) {
        super(message);
    }

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
