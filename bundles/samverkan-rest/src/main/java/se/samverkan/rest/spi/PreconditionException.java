package se.samverkan.rest.spi;

import se.samverkan.api.service.SamverkanException;

/** A write whose {@code If-Match} is missing (428) or can match no version (412); see {@link IfMatch}. */
public final class PreconditionException extends SamverkanException {

    private final int status;
    private final String title;

    private PreconditionException(int status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    static PreconditionException required(String kind) {
        return new PreconditionException(428, "Precondition Required", "Say which version of the " + kind
                + " you change: send If-Match with the ETag a GET gave (or If-Match: * to write over any version)");
    }

    static PreconditionException unmatchable(String kind, String tag) {
        return new PreconditionException(412, "Precondition Failed", "If-Match " + tag + " names no version of this "
                + kind + "; send the ETag a GET gave, e.g. \"3\"");
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
