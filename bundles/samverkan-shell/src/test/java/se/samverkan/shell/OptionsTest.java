package se.samverkan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.shell.Formats;
import se.samverkan.shell.Options;

class OptionsTest {

    @Test
    void enumValuesAreCaseInsensitive() throws CommandException {
        assertEquals(ActivityCategory.SWIMMING, Options.parseEnum(ActivityCategory.class, "--category", "swimming"));
        assertEquals(ActivityCategory.SWIMMING, Options.parseEnum(ActivityCategory.class, "--category", "Swimming"));
        assertEquals(ActivityCategory.CV_WRITING, Options.parseEnum(ActivityCategory.class, "--category", "CV_writing"));
        assertNull(Options.parseEnum(ActivityCategory.class, "--category", null));
    }

    @Test
    void badEnumValueGivesOneLineNamingEveryAllowedValue() {
        CommandException e = assertThrows(CommandException.class,
                () -> Options.parseEnum(FocusArea.class, "--focus", "jobs"));
        assertEquals("Unknown value 'jobs' for --focus; allowed: work, education, civic_information, "
                + "child_perspective, health, social", e.getMessage());

        String message = assertThrows(CommandException.class,
                () -> Options.parseEnum(ActivityCategory.class, "--category", "swim")).getMessage();
        assertFalse(message.contains("\n"));
        for (ActivityCategory category : ActivityCategory.values()) {
            assertTrue(message.contains(Formats.label(category)), category + " missing from: " + message);
        }
    }

    @Test
    void datesAreIso() throws CommandException {
        assertEquals(LocalDate.of(2025, 3, 4), Options.parseDate("--from", " 2025-03-04 "));
        assertNull(Options.parseDate("--from", null));
        assertEquals("Invalid date '2025-13-01' for --to; expected yyyy-MM-dd",
                assertThrows(CommandException.class, () -> Options.parseDate("--to", "2025-13-01")).getMessage());
        assertThrows(CommandException.class, () -> Options.parseDate("--from", "04/03/2025"));
    }

    @Test
    void languageCodesAreTrimmedAndLowerCased() {
        assertEquals("ar", Options.lowerCase(" AR "));
        assertNull(Options.lowerCase("  "));
        assertNull(Options.lowerCase(null));
    }
}
