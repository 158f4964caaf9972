package se.samverkan.mail.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "mail-replay",
        description = "Queues a dead message again (e.g. after the mail settings were fixed), with its attempts reset.")
public class MailReplayCommand extends SamverkanCommand {

    @Argument(index = 0, name = "id", required = true, description = "The message's id, as in mail-queue")
    long id;

    @Reference
    MailQueue mail;

    @Override
    protected void print(PrintStream out) throws CommandException {
        QueuedMail queued = mail.replay(consoleCaller(), id);
        out.println("Mail " + queued.id() + " to " + queued.to() + " is queued again.");
    }
}
