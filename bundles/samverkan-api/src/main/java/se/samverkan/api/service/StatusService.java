package se.samverkan.api.service;

import java.util.Map;

/** Health of the platform's storage, for the console and monitoring. */
public interface StatusService {

    /**
     * @param product       database product and version, e.g. "Apache Derby 10.14.2.0"
     * @param url           JDBC URL without credentials
     * @param schemaVersion highest applied migration
     * @param counts        number of records per kind, e.g. {"activity": 12}
     */
    record DatabaseStatus(String product, String url, int schemaVersion, Map<String, Long> counts) {
    }

    DatabaseStatus database();
}
