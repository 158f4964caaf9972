package se.samverkan.mail.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.subscription.DigestService;
import se.samverkan.api.subscription.DigestService.DigestRun;
import se.samverkan.shell.SamverkanCommand;

@Service
@Command(scope = "samverkan", name = "digest-send",
        description = "Queues this week's digest now for every confirmed subscription with new activities "
                + "(a subscription that had this week's digest gets none twice).")
public class DigestSendCommand extends SamverkanCommand {

    @Reference
    DigestService digests;

    @Override
    protected void print(PrintStream out) {
        DigestRun run = digests.sendNow(consoleCaller());
        out.println("Digest " + run.week() + ": " + run.queued() + " queued for " + run.subscriptions()
                + " confirmed subscriptions, " + run.withoutNews() + " without news.");
    }
}
