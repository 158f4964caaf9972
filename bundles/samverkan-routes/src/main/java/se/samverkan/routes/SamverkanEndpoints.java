package se.samverkan.routes;

/**
 * The public entry point for Camel routes that end in Samverkan: the {@code samverkan:} endpoint, which the
 * platform's CamelContext ("samverkan") provides. A plugin uses it by its URI alone; these constants only spare
 * it the spelling.
 *
 * <p>{@code to("samverkan:activities")} takes a body of one {@code se.samverkan.api.model.Activity}, a
 * collection of them, or JSON of either (text, bytes, a stream or a file, in the REST API's format), and
 * stores each record by its id: created if missing, replaced if it differs, left alone if the same. A record
 * that is refused (invalid, or in conflict with stored data) does not stop the others. Afterwards the body
 * is a {@code List<}{@link ImportResult}{@code >}, one per record in order, and the headers below carry the
 * counts. The exchange fails only when the records cannot be written at all, with
 * {@link ServiceUnavailableException} when storage is not running (so the route's error handler can retry;
 * writing the same records again is harmless) and with Camel's {@code InvalidPayloadException} when the body
 * is none of the above.
 */
public final class SamverkanEndpoints {

    /** The component's scheme. */
    public static final String SCHEME = "samverkan";
    /** Stores activities. */
    public static final String ACTIVITIES = SCHEME + ":activities";

    /** Header (Integer): records created. */
    public static final String CREATED = "SamverkanCreated";
    /** Header (Integer): records replaced because they differed. */
    public static final String UPDATED = "SamverkanUpdated";
    /** Header (Integer): records that were stored as they are. */
    public static final String UNCHANGED = "SamverkanUnchanged";
    /** Header (Integer): records refused; their reasons are in the body and in the log. */
    public static final String REFUSED = "SamverkanRefused";

    private SamverkanEndpoints() {
    }
}
