package se.samverkan.mail.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.ValidationException;
import se.samverkan.api.service.ValidationException.FieldError;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.subscription.SubscriptionService;
import se.samverkan.api.util.Sha256;
import se.samverkan.api.validation.MunicipalityCode;
import se.samverkan.mail.internal.SubscriptionStore.Purpose;
import se.samverkan.mail.internal.SubscriptionStore.Requested;

/**
 * Double opt-in: a request stores a pending subscription and queues one confirmation mail (key
 * {@code confirm-ID}, so it is never queued twice); only the button on the page behind its link makes the
 * subscription CONFIRMED (mail scanners follow links, so the link alone changes nothing), and nothing but that
 * mail is sent before. Asking again for the same address and filter answers the same and sends
 * nothing new while a confirmation is pending or the subscription is confirmed; after an unconfirmed request has
 * expired, a new request starts over.
 */
@Component(service = SubscriptionService.class,
        configurationPid = {SubscriptionConfig.PID, SubscriptionConfig.FORMER_PID},
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
// No metatype @Designate: it takes exactly one PID, and this configuration answers to two (SubscriptionConfig).
public class SubscriptionServiceImpl implements SubscriptionService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"(),;]+@[^@\\s<>\"(),;]+\\.[^@\\s<>\"(),;]+");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final SubscriptionStore store;
    private final MailQueue mail;
    private final Mailings mailings;
    private final Clock clock;
    /** The registries' municipality list in force; the shipped list without them. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MunicipalityCatalogue catalogue;

    @Activate
    public SubscriptionServiceImpl(SubscriptionConfig config, @Reference SubscriptionStore store,
                                   @Reference MailQueue mail, @Reference MunicipalityService municipalities) {
        this(Mailings.of(config, store, municipalities), store, mail, Clock.systemUTC());
    }

    SubscriptionServiceImpl(Mailings mailings, SubscriptionStore store, MailQueue mail, Clock clock) {
        this.mailings = mailings;
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public void subscribe(String email, String language, SubscriptionFilter filter, String from) {
        String address = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        String lang = language == null || language.isBlank() ? "sv" : language.strip().toLowerCase(Locale.ROOT);
        SubscriptionFilter f = filter == null ? SubscriptionFilter.ANY : filter;
        validate(address, lang, f);
        Instant now = clock.instant();
        Requested requested = store.request(address, lang, f, from, now);
        Subscription s = requested.subscription();
        if (!requested.created() && s.state() == Subscription.State.PENDING
                && s.requestedAt().plus(mailings.confirmValidity()).isBefore(now)) {
            // Its link has expired: that request lapses and this one starts over with a new mail.
            withdraw(s.id(), "expired without confirmation", now);
            requested = store.request(address, lang, f, from, now);
        }
        if (requested.created()) {
            mail.queue(mailings.confirmation(requested.subscription(), now));
        }
    }

    @Override
    public Landing confirmPage(String token) {
        Optional<Subscription> s = token(token, Purpose.CONFIRM);
        if (s.isEmpty() || s.get().state() == Subscription.State.UNSUBSCRIBED) {
            return invalid();
        }
        return s.get().state() == Subscription.State.CONFIRMED ? landing(s.get(), "confirmed", null)
                : landing(s.get(), "confirm", mailings.confirmAction(token));
    }

    @Override
    public Landing confirm(String token, String from) {
        Optional<Subscription> s = token(token, Purpose.CONFIRM);
        if (s.isEmpty() || s.get().state() == Subscription.State.UNSUBSCRIBED) {
            return invalid();
        }
        return landing(store.confirm(s.get().id(), from, clock.instant()), "confirmed", null);
    }

    @Override
    public Landing unsubscribePage(String token) {
        Optional<Subscription> s = token(token, Purpose.UNSUBSCRIBE);
        if (s.isEmpty()) {
            return invalid();
        }
        return s.get().state() == Subscription.State.UNSUBSCRIBED ? landing(s.get(), "unsubscribed", null)
                : landing(s.get(), "unsubscribe", mailings.unsubscribeAction(token));
    }

    @Override
    public Landing unsubscribe(String token, String from) {
        Optional<Subscription> s = token(token, Purpose.UNSUBSCRIBE);
        if (s.isEmpty()) {
            return invalid();
        }
        return landing(withdraw(s.get().id(), from, clock.instant()), "unsubscribed", null);
    }

    /** Ends the subscription, and withdraws its mail that has not gone out yet: nothing more reaches the address. */
    private Subscription withdraw(long id, String from, Instant now) {
        Subscription ended = store.unsubscribe(id, from, now);
        mail.withdraw(Mailings.stems(id));
        return ended;
    }

    /** A page in the subscriber's language; {@code action} is the URL of its button, or null for none. */
    private Landing landing(Subscription s, String page, String action) {
        return new Landing(200, s.language(), mailings.page(s.language(), page, s.email(), action));
    }

    @Override
    public List<Subscription> list(Subscription.State state) {
        return store.list(state);
    }

    private Optional<Subscription> token(String token, Purpose purpose) {
        return token == null || token.isBlank() || token.length() > 100 ? Optional.empty()
                : store.byToken(Sha256.hex(token.strip()), purpose, clock.instant());
    }

    private Landing invalid() {
        return new Landing(404, "sv", mailings.page("sv", "invalid", null, null));
    }

    private void validate(String email, String language, SubscriptionFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "'" + email + "' is no e-mail address"));
        }
        if (!Mailings.LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "'" + language + "' is not one of " + String.join(", ",
                    Mailings.LANGUAGES.stream().sorted().toList())));
        }
        for (String code : filter.municipalityCodes()) {
            MunicipalityCode.problem(code, municipalities()).ifPresent(p -> errors.add(new FieldError("municipalities", p)));
        }
        for (String l : filter.languages()) {
            if (!LANGUAGE.matcher(l).matches()) {
                errors.add(new FieldError("languages", "'" + l + "' is no ISO 639 language code"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private MunicipalityList municipalities() {
        MunicipalityCatalogue inForce = catalogue;
        return (inForce == null ? MunicipalityCatalogue.SHIPPED : inForce).current();
    }
}
