package se.samverkan.rest.spi;

import javax.ws.rs.core.EntityTag;

/**
 * A record's version as its ETag (strong, e.g. {@code "3"}) and the version an {@code If-Match} names, so that no
 * client overwrites a change it has not seen: a write without If-Match answers 428, one naming no version 412.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an {@code If-Match} names, or null for {@code *} (write over whatever is stored).
     *
     * @param kind what the record is, for the message
     * @throws PreconditionException if there is none, or it names no version this API gives out
     */
    public static Long version(String kind, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required(kind);
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // not a version: cannot match
            }
        }
        throw PreconditionException.unmatchable(kind, tag);
    }
}
