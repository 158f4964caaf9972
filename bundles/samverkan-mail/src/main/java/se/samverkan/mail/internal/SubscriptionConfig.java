package se.samverkan.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/se.samverkan.mail.subscriptions.cfg}: the links in subscribers' mails, notices and the weekly digest.
 * Its name before release 0.2, {@code etc/se.samverkan.subscriptions.cfg}, is still read and wins where both set a key
 * (an installation's own values, carried over, over the new file's defaults).
 */
@ObjectClassDefinition(id = SubscriptionConfig.PID, name = "Samverkan subscriptions",
        description = "Subscriptions by e-mail: the address of the links in the mails, notices and the weekly digest")
public @interface SubscriptionConfig {

    String PID = "se.samverkan.mail.subscriptions";
    String FORMER_PID = "se.samverkan.subscriptions";

    @AttributeDefinition(description = "The API's address as subscribers reach it (behind the TLS proxy), "
            + "for the confirmation and unsubscribe links")
    String publicUrl() default "http://localhost:8181/api/v1";

    @AttributeDefinition(description = "How long a confirmation link is valid, in hours")
    int confirmHours() default 72;

    @AttributeDefinition(description = "How often the change log is looked at for notices, in seconds")
    long noticeSeconds() default 30;

    @AttributeDefinition(description = "The day of the week the digest is sent (MONDAY … SUNDAY)")
    String digestDay() default "MONDAY";

    @AttributeDefinition(description = "The time of day (Swedish time, HH:mm) from which the digest is sent")
    String digestTime() default "07:00";

    @AttributeDefinition(description = "How often the digest schedule is checked, in seconds")
    long digestCheckSeconds() default 60;
}
