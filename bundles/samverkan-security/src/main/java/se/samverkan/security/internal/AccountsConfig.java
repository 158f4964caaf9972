package se.samverkan.security.internal;

/** etc/se.samverkan.security.cfg; every entry optional. */
public @interface AccountsConfig {

    /** Name of the administrator created at first start. */
    String admin_user() default "admin";

    /** The JAAS realm whose users are managed (Karaf's own realm keeps them in etc/users.properties). */
    String realm() default "karaf";
}
