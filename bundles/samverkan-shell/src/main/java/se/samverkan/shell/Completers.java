package se.samverkan.shell;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.MunicipalityService;

/** Tab completion for the commands' arguments and options. */
public final class Completers {

    public static final int MAX_IDS = 50;

    private Completers() {
    }

    /**
     * Offers the values an option accepts; each call asks for them afresh, so new records show up at once. Karaf
     * finds a completer only if its class is a {@code @Service} of the bundle that holds the command.
     */
    public abstract static class ValuesCompleter implements Completer {

        /** @param typed what the user has typed of the word so far */
        protected abstract Collection<String> values(String typed);

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            String word = commandLine.getCursorArgument() == null ? "" : commandLine.getCursorArgument();
            String typed = word.substring(0, Math.min(word.length(), Math.max(0, commandLine.getArgumentPosition())));
            return new StringsCompleter(values(typed), false).complete(session, commandLine, candidates);
        }
    }

    /** The values of an enum option, as {@link Options#parseEnum} takes them. */
    public abstract static class EnumCompleter<E extends Enum<E>> extends ValuesCompleter {

        private final Class<E> type;

        protected EnumCompleter(Class<E> type) {
            this.type = type;
        }

        @Override
        protected Collection<String> values(String typed) {
            return Options.allowed(type);
        }
    }

    @Service
    public static class MunicipalityCodes extends ValuesCompleter {

        @Reference
        MunicipalityService municipalities;

        @Override
        protected Collection<String> values(String typed) {
            return municipalities.list().stream().map(Municipality::code).toList();
        }
    }

    @Service
    public static class ActivityIds extends ValuesCompleter {

        @Reference
        ActivityService activities;

        /** Activities are many: only ids that start with what is typed, a screenful at most, read as ids alone. */
        @Override
        protected Collection<String> values(String typed) {
            return activities.ids(typed, MAX_IDS);
        }
    }

    @Service
    public static class Categories extends EnumCompleter<ActivityCategory> {
        public Categories() {
            super(ActivityCategory.class);
        }
    }

    @Service
    public static class FocusAreas extends EnumCompleter<FocusArea> {
        public FocusAreas() {
            super(FocusArea.class);
        }
    }

    @Service
    public static class AccessibilityFeatures extends EnumCompleter<AccessibilityFeature> {
        public AccessibilityFeatures() {
            super(AccessibilityFeature.class);
        }
    }

    @Service
    public static class AgreementStatuses extends EnumCompleter<AgreementStatus> {
        public AgreementStatuses() {
            super(AgreementStatus.class);
        }
    }
}
