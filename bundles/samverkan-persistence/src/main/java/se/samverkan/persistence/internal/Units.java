package se.samverkan.persistence.internal;

/** Service filter of the persistence unit declared in META-INF/persistence.xml. */
final class Units {

    static final String SAMVERKAN = "(osgi.unit.name=samverkan)";

    private Units() {
    }
}
