package se.samverkan.security.internal;

/** etc/se.samverkan.security.cfg; every entry optional. */
public @interface AccountsConfig {

    /** Name of the administrator created at first start. */
    String admin_user() default "admin";

    /** The JAAS realm whose users are managed (Karaf's own realm keeps them in etc/users.properties). */
    String realm() default "karaf";

    /**
     * PBKDF2 iterations for passwords stored from now on (OWASP's 2023 advice for PBKDF2-HMAC-SHA-256); stored
     * passwords keep theirs.
     */
    int password_iterations() default 600_000;
}
