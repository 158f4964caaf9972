package se.samverkan.api.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The records' JSON form, defined once for every bundle that reads or writes it (the REST API, drafts, plugins'
 * contribution files, the {@code samverkan:activities} endpoint, registries' JSON sources): dates and times as
 * ISO-8601 text, an offset kept as it was written, unknown properties refused.
 */
public final class Json {

    private Json() {
    }

    /** A new mapper, so a caller may add its own modules without changing anyone else's. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
