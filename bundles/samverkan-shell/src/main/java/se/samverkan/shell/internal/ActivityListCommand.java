package se.samverkan.shell.internal;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.Page;
import se.samverkan.shell.Completers;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "activity-list",
        description = "Searches activities with the same filters as the public REST search, one page at a time.")
public class ActivityListCommand extends SamverkanCommand {

    @Option(name = "--municipality", description = "Municipality code, e.g. 1487")
    @Completion(Completers.MunicipalityCodes.class)
    String municipality;

    @Option(name = "--category", description = "Activity category, e.g. swimming")
    @Completion(Completers.Categories.class)
    String category;

    @Option(name = "--focus", description = "Focus area, e.g. work")
    @Completion(Completers.FocusAreas.class)
    String focus;

    @Option(name = "--language", description = "A language the activity is held in (ISO 639-1), e.g. ar")
    String language;

    @Option(name = "--accessibility", description = "A feature the venue must have, e.g. hearing_loop")
    @Completion(Completers.AccessibilityFeatures.class)
    String accessibility;

    @Option(name = "--from", description = "First day (yyyy-MM-dd) an occurrence may start on")
    String from;

    @Option(name = "--to", description = "Last day (yyyy-MM-dd) an occurrence may start on")
    String to;

    @Option(name = "--text", description = "Words that must all occur in a title or description")
    String text;

    @Option(name = "--offset", description = "First result to show, from 0")
    int offset;

    @Option(name = "--limit", description = "Results per page, 1 to " + ActivityQuery.MAX_LIMIT)
    int limit = ActivityQuery.DEFAULT_LIMIT;

    @Reference
    ActivityService activities;

    @Reference
    MunicipalityService municipalities;

    @Override
    protected void print(PrintStream out) throws CommandException {
        if (municipality != null) {
            // An unknown code would otherwise look like a municipality without activities.
            municipalities.get(municipality);
        }
        Page<Activity> page = activities.search(query());
        Tables.activities(page.items(), Instant.now()).print(out);
        if (page.hasMore()) {
            out.println("More activities match: see the next page with --offset " + (page.offset() + page.limit()));
        }
    }

    ActivityQuery query() throws CommandException {
        return new ActivityQuery(municipality,
                Options.parseEnum(ActivityCategory.class, "--category", category),
                Options.parseEnum(FocusArea.class, "--focus", focus),
                Options.lowerCase(language),
                Options.parseEnum(AccessibilityFeature.class, "--accessibility", accessibility),
                Options.parseDate("--from", from), Options.parseDate("--to", to),
                text == null || text.isBlank() ? null : text.trim(), offset, limit);
    }
}
