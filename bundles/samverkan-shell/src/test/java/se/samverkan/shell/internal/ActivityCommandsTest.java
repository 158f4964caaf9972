package se.samverkan.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;
import static se.samverkan.shell.testing.Fixtures.occurrence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.shell.Formats;
import se.samverkan.shell.testing.Fixtures;

class ActivityCommandsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);

    /** Stored out of order: one past, one cancelled, one to come. */
    private final InMemoryServices.Activities activities = Fixtures.activities(Fixtures.swimming(List.of(
            occurrence(3, NOW.plusDays(3), false),
            occurrence(1, NOW.minusDays(7), false),
            occurrence(2, NOW.plusDays(1), true))));

    private final ActivityListCommand list = new ActivityListCommand();
    private final ActivityShowCommand show = new ActivityShowCommand();

    ActivityCommandsTest() {
        list.activities = activities;
        list.municipalities = Fixtures.municipalities();
        show.activities = activities;
        show.municipalities = Fixtures.municipalities();
        show.organisations = Fixtures.organisations();
        show.agreements = Fixtures.agreements();
        show.programmes = Fixtures.programmes();
        show.venues = Fixtures.venues();
    }

    @Test
    void optionsBecomeTheSearchQuery() throws CommandException {
        list.municipality = "1487";
        list.category = "SWIMMING";
        list.focus = "health";
        list.language = "AR";
        list.accessibility = "Hearing_Loop";
        list.from = "2025-03-01";
        list.to = "2025-03-31";
        list.text = "  simma ";
        list.offset = 20;
        list.limit = 10;
        output(list::print);

        assertEquals(new ActivityQuery("1487", ActivityCategory.SWIMMING, FocusArea.HEALTH, "ar",
                AccessibilityFeature.HEARING_LOOP, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), "simma", 20, 10),
                activities.lastQuery);
    }

    @Test
    void withoutOptionsTheFirstPageOfEverything() throws CommandException {
        output(list::print);
        assertEquals(ActivityQuery.all(), activities.lastQuery);
    }

    @Test
    void listShowsNextOccurrenceAndTellsWhereTheNextPageStarts() throws CommandException {
        activities.hasMore = true;
        list.offset = 20;
        list.limit = 10;
        String output = output(list::print);

        assertEquals(Formats.dateTime(NOW.plusDays(3)), row(output, "swim-vbg").get(5));
        assertTrue(output.contains("More activities match: see the next page with --offset 30"), output);
    }

    @Test
    void noFooterOnTheLastPage() throws CommandException {
        assertFalse(output(list::print).contains("More activities"));
    }

    @Test
    void userErrorsAreOneLineCommandExceptions() {
        list.category = "swim";
        assertTrue(assertThrows(CommandException.class, list::execute).getMessage()
                .startsWith("Unknown value 'swim' for --category; allowed: swedish_language_practice, cv_writing,"));

        list.category = null;
        list.limit = 500;
        assertEquals("limit: must be between 1 and 200", assertThrows(CommandException.class, list::execute).getMessage());

        list.limit = 20;
        list.municipality = "9999";
        assertEquals("No municipality with id '9999'",
                assertThrows(CommandException.class, list::execute).getMessage());
    }

    @Test
    void showOfUnknownIdIsOneLine() {
        show.id = "x";
        assertEquals("No activity with id 'x'", assertThrows(CommandException.class, show::execute).getMessage());
    }

    @Test
    void showGivesEveryTextAndResolvesReferences() throws CommandException {
        show.id = "swim-vbg";
        String output = output(show::print);

        assertEquals("Simkurs för vuxna", row(output, "Title [sv]").get(1));
        assertEquals("Swimming for adults", row(output, "Title [en]").get(1));
        assertEquals("دورة سباحة للكبار", row(output, "Title [ar]").get(1));
        assertTrue(output.indexOf("Title [sv]") < output.indexOf("Title [ar]"), "Swedish comes first");
        assertEquals("Learn to swim at a calm pace.", row(output, "Description [en]").get(1));
        assertEquals("swimming", row(output, "Category").get(1));
        assertEquals("health", row(output, "Focus area").get(1));
        assertEquals("adults, women", row(output, "Target groups").get(1));
        assertEquals("ar, sv", row(output, "Languages").get(1));
        assertEquals("1487 (Vänersborg)", row(output, "Municipality").get(1));
        assertEquals("abf (ABF Fyrbodal), gone (not found)", row(output, "Organisers").get(1));
        assertEquals("iop-swim (IOP simkurser)", row(output, "Agreement").get(1));
        assertEquals("vagen-in (Vägen in)", row(output, "Programme").get(1));
        assertEquals("arena (Arena Vänersborg, Idrottsvägen 1)", row(output, "Venue").get(1));
        assertEquals("hearing_loop, wheelchair_access", row(output, "Accessibility").get(1));
        assertEquals("12", row(output, "Capacity").get(1));
        assertEquals("free", row(output, "Cost").get(1));
        assertEquals(Formats.dateTime(NOW.plusDays(3)), row(output, "Next occurrence").get(1));
    }

    @Test
    void showListsOccurrencesInTimeOrder() throws CommandException {
        show.id = "swim-vbg";
        String output = output(show::print);

        assertEquals(List.of("1", Formats.dateTime(NOW.minusDays(7)), Formats.dateTime(NOW.minusDays(7).plusHours(2)),
                "scheduled"), row(output, "1"));
        assertEquals("cancelled", row(output, "2").get(3));
        assertTrue(output.indexOf(Formats.dateTime(NOW.minusDays(7))) < output.indexOf(Formats.dateTime(NOW.plusDays(1))));
        assertTrue(output.lastIndexOf(Formats.dateTime(NOW.plusDays(1)))
                < output.lastIndexOf(Formats.dateTime(NOW.plusDays(3))));
    }
}
