package se.samverkan.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/se.samverkan.mail.inbound.cfg}: the mailbox partners send course announcements to. Without a host
 * nothing is read.
 */
@ObjectClassDefinition(id = InboundConfig.PID, name = "Samverkan inbound mail",
        description = "The IMAP mailbox whose mails become draft activities for the coordinators")
public @interface InboundConfig {

    String PID = "se.samverkan.mail.inbound";

    @AttributeDefinition(description = "IMAP server host; empty: no mailbox is read", required = false)
    String host() default "";

    @AttributeDefinition(description = "IMAP port (143; 993 for IMAPS)")
    int port() default 143;

    @AttributeDefinition(description = "Use IMAPS (TLS from the start)")
    boolean ssl() default false;

    @AttributeDefinition(description = "Mailbox user", required = false)
    String username() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Mailbox password", required = false)
    String password() default "";

    @AttributeDefinition(description = "The folder read")
    String folder() default "INBOX";

    @AttributeDefinition(description = "Where a handled mail is moved; empty: it stays, marked seen", required = false)
    String moveTo() default "";

    @AttributeDefinition(description = "How often the mailbox is read, in seconds")
    long pollSeconds() default 60;

    @AttributeDefinition(description = "Known senders, separated by commas: ADDRESS=ORGANISATION or "
            + "ADDRESS=ORGANISATION:MUNICIPALITY; an ADDRESS of @domain stands for every address of the domain",
            required = false)
    String senders() default "";
}
