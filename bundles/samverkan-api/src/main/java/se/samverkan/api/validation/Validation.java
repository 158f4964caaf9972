package se.samverkan.api.validation;

import java.util.List;
import java.util.regex.Pattern;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;

/**
 * The rules every record must meet before it is stored, wherever it comes from (REST, plugins, imports).
 * References to other records are checked by the services, which know what exists.
 */
public final class Validation {

    private static final Pattern SETTING_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    /** Names of municipalities and counties: their columns' width. */
    public static final int MUNICIPALITY_NAME = 100;
    public static final int ORGANISATION_NAME = 200;
    public static final int VENUE_NAME = 200;
    public static final int ADDRESS = 300;
    /** Titles of activities and agreements, names of programmes. */
    public static final int TITLE = 300;
    /** Descriptions of activities, purposes of agreements. */
    public static final int DESCRIPTION = 4000;
    public static final int TARGET_GROUP = 100;
    /** Sweden has 290 municipalities; a record cannot name more. */
    public static final int MUNICIPALITIES = 290;
    /** Parties, organisers, languages, target groups, settings, targets: generous, but bounded. */
    public static final int ENTRIES = 100;
    /** Occurrences of one activity; a calendar feed's recurring event is cut off at the same number. */
    public static final int OCCURRENCES = 5000;

    private Validation() {
    }

    public static void validate(Municipality m) {
        Checks checks = new Checks().require("code", m.code()).municipalityCode("code", m.code())
                .require("name", m.name()).require("county", m.county())
                .maxLength("name", m.name(), MUNICIPALITY_NAME).maxLength("county", m.county(), MUNICIPALITY_NAME)
                .maxLength("subRegion", m.subRegion(), MUNICIPALITY_NAME)
                .maxSize("languages", m.languages(), ENTRIES).maxSize("settings", m.settings(), ENTRIES);
        for (int i = 0; i < m.languages().size(); i++) {
            checks.language("languages[" + i + "]", m.languages().get(i));
        }
        checks.check(m.languages().stream().distinct().count() == m.languages().size(), "languages",
                "must name each language once");
        m.settings().forEach((key, value) -> checks
                .check(SETTING_KEY.matcher(key).matches() && key.length() <= 100, "settings." + key,
                        "must be a dotted lower-case name such as calendar.feeds, at most 100 characters")
                .check(value.length() <= 1000, "settings." + key, "must be text of at most 1000 characters"));
        checks.throwIfAny();
    }

    public static void validate(Organisation o) {
        new Checks().require("id", o.id()).id("id", o.id()).require("name", o.name()).require("kind", o.kind())
                .maxLength("name", o.name(), ORGANISATION_NAME)
                .maxSize("municipalityCodes", o.municipalityCodes(), MUNICIPALITIES)
                .organisationNumber("organisationNumber", o.organisationNumber())
                .municipalityCodes("municipalityCodes", o.municipalityCodes()).throwIfAny();
    }

    public static void validate(Agreement a) {
        boolean hasParty = (a.organisationIds() != null && !a.organisationIds().isEmpty())
                || (a.municipalityCodes() != null && !a.municipalityCodes().isEmpty());
        new Checks().require("id", a.id()).id("id", a.id()).require("title", a.title()).require("kind", a.kind())
                .require("status", a.status()).check(hasParty, "parties", "an agreement needs at least one party")
                .maxLength("title", a.title(), TITLE).maxLength("purpose", a.purpose(), DESCRIPTION)
                .maxSize("organisationIds", a.organisationIds(), ENTRIES)
                .maxSize("municipalityCodes", a.municipalityCodes(), MUNICIPALITIES)
                .municipalityCodes("municipalityCodes", a.municipalityCodes())
                .period("period", a.period()).notNegative("budgetSek", a.budgetSek()).throwIfAny();
    }

    public static void validate(Programme p) {
        Checks checks = new Checks().require("id", p.id()).id("id", p.id()).require("name", p.name())
                .maxLength("name", p.name(), TITLE).maxSize("municipalityCodes", p.municipalityCodes(), MUNICIPALITIES)
                .maxSize("targets", p.targets(), ENTRIES)
                .municipalityCodes("municipalityCodes", p.municipalityCodes()).period("period", p.period())
                .notNegative("budgetSek", p.budgetSek());
        if (p.targets() != null) {
            for (int i = 0; i < p.targets().size(); i++) {
                var t = p.targets().get(i);
                checks.require("targets[" + i + "].outcome", t.outcome())
                        .require("targets[" + i + "].changePercent", t.changePercent());
            }
        }
        checks.throwIfAny();
    }

    public static void validate(Venue v) {
        new Checks().require("id", v.id()).id("id", v.id()).require("name", v.name())
                .maxLength("name", v.name(), VENUE_NAME).maxLength("address", v.address(), ADDRESS)
                .require("municipalityCode", v.municipalityCode())
                .municipalityCode("municipalityCode", v.municipalityCode()).throwIfAny();
    }

    public static void validate(Activity a) {
        Checks checks = new Checks().require("id", a.id()).id("id", a.id())
                .check(a.title() != null && a.title().get("sv") != null && !a.title().get("sv").isBlank(),
                        "title.sv", "a Swedish title is required")
                .require("category", a.category()).require("focusArea", a.focusArea())
                .require("municipalityCode", a.municipalityCode())
                .municipalityCode("municipalityCode", a.municipalityCode())
                .notNegative("capacity", a.capacity()).notNegative("costSek", a.costSek())
                .maxSize("title", a.title(), ENTRIES).maxLengths("title", a.title(), TITLE)
                .maxSize("description", a.description(), ENTRIES).maxLengths("description", a.description(), DESCRIPTION)
                .maxSize("targetGroups", a.targetGroups(), ENTRIES).maxSize("languages", a.languages(), ENTRIES)
                .maxSize("organiserIds", a.organiserIds(), ENTRIES).maxSize("occurrences", a.occurrences(), OCCURRENCES);
        if (a.targetGroups() != null && a.targetGroups().size() <= ENTRIES) {
            a.targetGroups().forEach(group -> checks.maxLength("targetGroups", group, TARGET_GROUP));
        }
        if (a.title() != null) {
            a.title().keySet().forEach(lang -> checks.language("title", lang));
        }
        if (a.description() != null) {
            a.description().keySet().forEach(lang -> checks.language("description", lang));
        }
        if (a.languages() != null) {
            a.languages().forEach(lang -> checks.language("languages", lang));
        }
        List<Occurrence> occurrences = a.occurrences() == null ? List.of() : a.occurrences();
        for (int i = 0; i < occurrences.size(); i++) {
            Occurrence o = occurrences.get(i);
            String field = "occurrences[" + i + "]";
            checks.require(field + ".start", o.start()).require(field + ".end", o.end());
            checks.check(o.start() == null || o.end() == null || o.end().isAfter(o.start()), field + ".end",
                    "must be after the start");
        }
        checks.throwIfAny();
    }
}
