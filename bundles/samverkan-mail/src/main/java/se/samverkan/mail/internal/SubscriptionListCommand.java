package se.samverkan.mail.internal;

import static se.samverkan.shell.Tables.row;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.subscription.Subscription;
import se.samverkan.shell.Formats;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "subscription-list",
        description = "Lists the e-mail subscriptions, oldest first: masked address, language, state, filters, since when.")
public class SubscriptionListCommand extends SamverkanCommand {

    @Option(name = "--state", description = "Only subscriptions in this state: pending, confirmed or unsubscribed")
    @Completion(SubscriptionStates.class)
    String state;

    @Reference
    SubscriptionStore subscriptions;

    @Override
    protected void print(PrintStream out) throws CommandException {
        List<Subscription> list = subscriptions.list(Options.parseEnum(Subscription.State.class, "--state", state));
        Tables.table(list, "No subscriptions.", s -> row(s.id(), s.maskedEmail(), s.language(),
                        Formats.label(s.state()), filter(s.filter().municipalityCodes()),
                        filter(s.filter().languages()), filter(s.filter().categories().stream().map(Formats::label).toList()),
                        Formats.instant(s.confirmedAt() != null ? s.confirmedAt() : s.requestedAt()),
                        Formats.instant(s.lastDigestAt())),
                "Id", "Address", "Mails in", "State", "Municipalities", "Languages", "Categories", "Since", "Last digest")
                .print(out);
    }

    private static String filter(Collection<String> values) {
        return values.isEmpty() ? "any" : Formats.join(values);
    }
}
