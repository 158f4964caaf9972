package se.samverkan.mail.internal;

import static se.samverkan.shell.Tables.row;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.shell.Formats;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "mail-queue",
        description = "Lists the outgoing mail, newest first: recipient, subject, state, attempts, next attempt, last error.")
public class MailQueueCommand extends SamverkanCommand {

    @Option(name = "--state", description = "Only mail in this state: queued, sending, sent or dead")
    String state;

    @Reference
    MailQueue mail;

    @Override
    protected void print(PrintStream out) throws CommandException {
        Tables.table(mail.list(state == null ? null : state(state)), "No mail is queued.", m -> row(m.id(), m.to(),
                        m.subject(), Formats.label(m.state()), m.attempts(), Formats.instant(m.nextAttemptAt()),
                        m.lastError() == null ? "" : m.lastError()),
                "Id", "To", "Subject", "State", "Attempts", "Next attempt", "Last error").print(out);
    }

    static QueuedMail.State state(String name) throws CommandException {
        try {
            return QueuedMail.State.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("'" + name + "' is no mail state; use one of "
                    + Arrays.toString(QueuedMail.State.values()).toLowerCase(Locale.ROOT));
        }
    }
}
