package se.samverkan.api.security;

/** What a user may do; the realm role names are the lower-case names. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Writes the data of one municipality (realm role {@code municipality:CODE} says which). */
    COORDINATOR,
    /** Writes the data of one organisation (realm role {@code organisation:ID} says which). */
    PARTNER;

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
