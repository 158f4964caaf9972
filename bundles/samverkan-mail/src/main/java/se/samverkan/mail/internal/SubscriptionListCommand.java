package se.samverkan.mail.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.subscription.Subscription;
import se.samverkan.shell.Completers;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "subscription-list",
        description = "Lists the e-mail subscriptions, oldest first: masked address, language, state, filters, since when.")
public class SubscriptionListCommand extends SamverkanCommand {

    @Option(name = "--state", description = "Only subscriptions in this state: pending, confirmed or unsubscribed")
    @Completion(Completers.SubscriptionStates.class)
    String state;

    @Reference
    SubscriptionStore subscriptions;

    @Override
    protected void print(PrintStream out) throws CommandException {
        Tables.subscriptions(subscriptions.list(Options.parseEnum(Subscription.State.class, "--state", state))).print(out);
    }
}
