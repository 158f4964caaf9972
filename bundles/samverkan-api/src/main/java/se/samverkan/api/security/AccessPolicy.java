package se.samverkan.api.security;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.service.AccessDeniedException;

/**
 * Who may write what. An admin (and the platform itself, {@link Caller#SYSTEM}) writes everything. A coordinator
 * speaks for one municipality, a partner for one organisation; each record has parties ({@link Scopes}), and:
 * <ul>
 * <li>a caller changes only records it is a party of, and only parties it reaches: a coordinator reaches its
 * municipality and the organisations that work there, a partner its organisation;</li>
 * <li>a record whose parties (before or after the change) are all in reach may be created, changed and deleted;
 * </li>
 * <li>of a record shared with a party out of reach the caller may only withdraw its own party, changing nothing
 * else: naming or removing another party, deleting it, or changing its other fields (an agreement's budget or
 * status) needs every party, which in practice is an administrator;</li>
 * <li>an organisation's partner changes its own record freely (where it works included); a partner reaches the
 * municipalities its organisation works in for its activities, but never moves an activity to another one;</li>
 * <li>an activity refers only to a venue in its municipality, and only to an agreement or programme that has its
 * municipality or one of its organisers as a party (a reference kept unchanged is not checked again).</li>
 * </ul>
 * Every rule is a plain function of the caller, the stored and the new record and a {@link Directory} of other
 * stored records, so that it is tested without storage.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** What the rules need to know about stored records other than the one being written. */
    public interface Directory {
        /** The municipalities a stored organisation works in; empty if there is no such organisation. */
        Optional<Set<String>> municipalitiesOf(String organisationId);

        /** The parties of a stored record of this kind ({@code venue}, {@code agreement}, {@code programme}). */
        Optional<Scope> parties(String kind, String id);
    }

    /**
     * The check for one kind of record.
     *
     * @param <R> the record type
     */
    @FunctionalInterface
    public interface Rule<R> {
        /**
         * @param before the stored record, or null on create
         * @param after  the new record, or null on delete
         * @throws AccessDeniedException if the caller may not make this change
         */
        void check(Caller caller, R before, R after, Directory directory);
    }

    public static void municipality(Caller caller, Municipality before, Municipality after, Directory directory) {
        if (before == null || after == null) {
            checkAdmin(caller, (before == null ? "add" : "remove") + " a municipality");
        } else {
            shared(caller, "municipality", before.code(), Scopes.of(before), Scopes.of(after), false,
                    reach(caller, directory));
        }
    }

    /** An organisation's parties are the municipalities it works in; its own partner may change all of it. */
    public static void organisation(Caller caller, Organisation before, Organisation after, Directory directory) {
        Organisation any = before != null ? before : after;
        if (admin(caller) || caller != null && caller.has(Role.PARTNER)
                && Objects.equals(caller.organisationId(), any.id())) {
            return;
        }
        shared(caller, "organisation", any.id(), scope(before, Scopes::of), scope(after, Scopes::of),
                before != null && after != null && Objects.equals(before.name(), after.name())
                        && before.kind() == after.kind()
                        && Objects.equals(before.organisationNumber(), after.organisationNumber()),
                reach(caller, directory));
    }

    public static void agreement(Caller caller, Agreement before, Agreement after, Directory directory) {
        Agreement any = before != null ? before : after;
        shared(caller, "agreement", any.id(), scope(before, Scopes::of), scope(after, Scopes::of),
                before != null && after != null && withoutParties(before).equals(withoutParties(after)),
                reach(caller, directory));
    }

    public static void programme(Caller caller, Programme before, Programme after, Directory directory) {
        Programme any = before != null ? before : after;
        shared(caller, "programme", any.id(), scope(before, Scopes::of), scope(after, Scopes::of),
                before != null && after != null && withoutParties(before).equals(withoutParties(after)),
                reach(caller, directory));
    }

    public static void venue(Caller caller, Venue before, Venue after, Directory directory) {
        Venue any = before != null ? before : after;
        shared(caller, "venue", any.id(), scope(before, Scopes::of), scope(after, Scopes::of), false,
                reach(caller, directory));
    }

    /**
     * An activity's parties are its municipality and its organisers. Both may change it while it involves no one
     * else; its references are checked as the class comment says.
     */
    public static void activity(Caller caller, Activity before, Activity after, Directory directory) {
        if (admin(caller)) {
            return;
        }
        Activity any = before != null ? before : after;
        if (caller != null && caller.has(Role.PARTNER) && before != null && after != null
                && !Objects.equals(before.municipalityCode(), after.municipalityCode())) {
            throw denied(caller, "activity", any.id(), "a partner may not move an activity to another municipality");
        }
        Predicate<Party> reach = reach(caller, directory);
        if (caller != null && caller.has(Role.PARTNER) && caller.organisationId() != null) {
            Set<String> places = directory.municipalitiesOf(caller.organisationId()).orElse(Set.of());
            reach = reach.or(p -> p.municipality() && places.contains(p.id()));
        }
        shared(caller, "activity", any.id(), scope(before, Scopes::of), scope(after, Scopes::of),
                before != null && after != null && withoutParties(before).equals(withoutParties(after)), reach);
        if (after != null) {
            checkReference(caller, after, directory, "venue", after.venueId(), before == null ? null : before.venueId());
            checkReference(caller, after, directory, "agreement", after.agreementId(),
                    before == null ? null : before.agreementId());
            checkReference(caller, after, directory, "programme", after.programmeId(),
                    before == null ? null : before.programmeId());
        }
    }

    /** A new or changed reference must be to a record that involves the activity; a missing one is validation's. */
    private static void checkReference(Caller caller, Activity activity, Directory directory, String kind, String id,
                                       String storedId) {
        if (id == null || id.equals(storedId)) {
            return;
        }
        Optional<Scope> target = directory.parties(kind, id);
        if (target.isEmpty()) {
            return;
        }
        Scope parties = target.get();
        boolean venue = kind.equals("venue");
        boolean involved = parties.municipalityCodes().contains(activity.municipalityCode()) || !venue
                && activity.organiserIds() != null && activity.organiserIds().stream()
                .anyMatch(parties.organisationIds()::contains);
        if (!involved) {
            throw denied(caller, "activity", activity.id(), "it may not refer to " + kind + " '" + id + "', "
                    + (venue ? "which is in another municipality"
                            : "whose parties include neither its municipality nor its organisers"));
        }
    }

    /**
     * The rule every kind shares: be a party; change freely what is wholly in reach; of a shared record only
     * withdraw your own party.
     *
     * @param sameApartFromParties whether {@code before} and {@code after} differ in their parties only
     */
    private static void shared(Caller caller, String kind, String id, Scope before, Scope after,
                               boolean sameApartFromParties, Predicate<Party> reach) {
        if (admin(caller)) {
            return;
        }
        Party own = Party.of(caller);
        Scope mustHold = before != null ? before : after;
        if (own == null || !own.in(mustHold)) {
            throw denied(caller, kind, id, own == null ? "no municipality or organisation is named by its roles"
                    : "it does not belong to " + own);
        }
        Set<Party> all = Party.all(before);
        all.addAll(Party.all(after));
        Optional<Party> outOfReach = all.stream().filter(reach.negate()).sorted().findFirst();
        if (outOfReach.isEmpty()) {
            return;
        }
        Set<Party> removed = Party.all(before);
        removed.removeAll(Party.all(after));
        Set<Party> added = Party.all(after);
        added.removeAll(Party.all(before));
        boolean withdrawal = before != null && after != null && sameApartFromParties && added.isEmpty()
                && removed.stream().allMatch(own::equals);
        if (!withdrawal) {
            throw denied(caller, kind, id, "it " + (before == null ? "would involve " : "involves ") + outOfReach.get()
                    + ", so only an administrator may " + (before == null ? "create it" : after == null
                    ? "delete it" : "change it; you may only withdraw " + own + " from it"));
        }
    }

    /**
     * A coordinator reaches its municipality and the organisations that work there (stored as they are now), a
     * partner its organisation. An organisation that does not exist is no one's to protect: validation refuses the
     * reference to it.
     */
    private static Predicate<Party> reach(Caller caller, Directory directory) {
        Party own = Party.of(caller);
        if (own == null) {
            return p -> false;
        }
        if (own.municipality()) {
            return p -> p.equals(own) || !p.municipality()
                    && directory.municipalitiesOf(p.id()).map(m -> m.contains(own.id())).orElse(true);
        }
        return own::equals;
    }

    private static <R> Scope scope(R record, Function<R, Scope> scope) {
        return record == null ? null : scope.apply(record);
    }

    private static Agreement withoutParties(Agreement a) {
        return new Agreement(a.id(), a.title(), a.kind(), Set.of(), Set.of(), a.purpose(), a.period(), a.budgetSek(),
                a.funderId(), a.status());
    }

    private static Programme withoutParties(Programme p) {
        return new Programme(p.id(), p.name(), null, p.funderId(), Set.of(), p.period(), p.budgetSek(), p.targets());
    }

    private static Activity withoutParties(Activity a) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), null, List.of(), a.agreementId(), a.programmeId(), a.venueId(), a.capacity(),
                a.costSek(), a.occurrences());
    }

    /** A municipality (by code) or an organisation (by id): a party of a record, or whom a caller speaks for. */
    private record Party(boolean municipality, String id) implements Comparable<Party> {

        static Party of(Caller caller) {
            if (caller == null) {
                return null;
            }
            if (caller.has(Role.COORDINATOR) && caller.municipalityCode() != null) {
                return new Party(true, caller.municipalityCode());
            }
            if (caller.has(Role.PARTNER) && caller.organisationId() != null) {
                return new Party(false, caller.organisationId());
            }
            return null;
        }

        static Set<Party> all(Scope scope) {
            Set<Party> parties = new HashSet<>();
            if (scope != null) {
                scope.municipalityCodes().forEach(m -> parties.add(new Party(true, m)));
                scope.organisationIds().forEach(o -> parties.add(new Party(false, o)));
            }
            return parties;
        }

        boolean in(Scope scope) {
            return (municipality ? scope.municipalityCodes() : scope.organisationIds()).contains(id);
        }

        @Override
        public int compareTo(Party other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return (municipality ? "municipality " : "organisation ") + id;
        }
    }

    /** Whether the caller may write a record with this scope at all: used where a record has one party. */
    public static boolean mayWrite(Caller caller, Scope scope) {
        if (caller == null) {
            return false;
        }
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        Party own = Party.of(caller);
        return own != null && own.in(scope);
    }

    /** Only admins may do this (e.g. add or remove a municipality). */
    public static void checkAdmin(Caller caller, String what) {
        if (!admin(caller)) {
            throw new AccessDeniedException("only an administrator may " + what);
        }
    }

    private static boolean admin(Caller caller) {
        return caller != null && caller.has(Role.ADMIN);
    }

    private static AccessDeniedException denied(Caller caller, String kind, String id, String why) {
        return new AccessDeniedException(describe(caller) + " may not change " + kind + " '" + id + "': " + why);
    }

    private static String describe(Caller caller) {
        if (caller == null) {
            return "An anonymous user";
        }
        if (caller.has(Role.COORDINATOR) && caller.municipalityCode() != null) {
            return "User '" + caller.user() + "' (coordinator for municipality " + caller.municipalityCode() + ")";
        }
        if (caller.has(Role.PARTNER) && caller.organisationId() != null) {
            return "User '" + caller.user() + "' (partner for organisation " + caller.organisationId() + ")";
        }
        return "User '" + caller.user() + "'";
    }
}
