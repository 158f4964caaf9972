package se.samverkan.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/se.samverkan.mail.cfg}; the defaults send through an SMTP server on this host. */
@ObjectClassDefinition(id = MailSender.PID, name = "Samverkan outgoing mail",
        description = "The SMTP server the outgoing mail queue is sent through, and how it is retried")
public @interface MailConfig {

    @AttributeDefinition(description = "SMTP server host")
    String host() default "localhost";

    @AttributeDefinition(description = "SMTP server port (25; 587 for submission with STARTTLS)")
    int port() default 25;

    @AttributeDefinition(description = "SMTP user name; empty for none", required = false)
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "SMTP password; empty for none", required = false)
    String password() default "";

    @AttributeDefinition(description = "Require STARTTLS before sending")
    boolean starttls() default false;

    @AttributeDefinition(description = "The sender address (From)")
    String from() default "Samverkan <noreply@localhost>";

    @AttributeDefinition(description = "How often the queue is looked at, in seconds")
    long pollSeconds() default 5;

    @AttributeDefinition(description = "At most this many messages per look")
    int batchSize() default 20;

    @AttributeDefinition(description = "Attempts before a message is given up (DEAD; replayable)")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "The delay after the first failed attempt, in seconds; doubling after each")
    long retryDelaySeconds() default 60;

    @AttributeDefinition(description = "Connect and read timeout towards the SMTP server, in seconds")
    long timeoutSeconds() default 30;

    @AttributeDefinition(description = "Days the text of a sent or withdrawn message is kept in the queue; 0 clears it at once")
    long keepSentDays() default 30;
}
