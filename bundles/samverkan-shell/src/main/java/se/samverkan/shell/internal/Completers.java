package se.samverkan.shell.internal;

import java.util.Collection;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.MunicipalityService;

/** Tab completion for the commands' arguments and options. */
final class Completers {

    private Completers() {
    }

    /** Offers the values an option accepts; each call asks for them afresh, so new records show up at once. */
    abstract static class ValuesCompleter implements Completer {

        abstract Collection<String> values();

        @Override
        public int complete(Session session, CommandLine commandLine, List<String> candidates) {
            return new StringsCompleter(values(), false).complete(session, commandLine, candidates);
        }
    }

    abstract static class EnumCompleter<E extends Enum<E>> extends ValuesCompleter {

        private final Class<E> type;

        EnumCompleter(Class<E> type) {
            this.type = type;
        }

        @Override
        Collection<String> values() {
            return Options.allowed(type);
        }
    }

    @Service
    public static class MunicipalityCodes extends ValuesCompleter {

        @Reference
        MunicipalityService municipalities;

        @Override
        Collection<String> values() {
            return municipalities.list().stream().map(Municipality::code).toList();
        }
    }

    @Service
    public static class PluginNames extends ValuesCompleter {

        @Reference
        PluginRegistry registry;

        @Override
        Collection<String> values() {
            return registry.plugins().stream().map(PluginReport::name).toList();
        }
    }

    @Service
    public static class ActivityIds extends ValuesCompleter {

        @Reference
        ActivityService activities;

        @Override
        Collection<String> values() {
            return activities.list().stream().map(Activity::id).toList();
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
