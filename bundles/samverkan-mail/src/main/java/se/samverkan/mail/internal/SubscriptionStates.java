package se.samverkan.mail.internal;

import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.subscription.Subscription;
import se.samverkan.shell.Completers;

/** Completes subscription-list's --state. */
@Service
public class SubscriptionStates extends Completers.EnumCompleter<Subscription.State> {

    public SubscriptionStates() {
        super(Subscription.State.class);
    }
}
