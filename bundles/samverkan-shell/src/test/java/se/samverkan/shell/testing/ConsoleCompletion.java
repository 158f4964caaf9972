package se.samverkan.shell.testing;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;

/** Tab completion as Karaf offers it on the console; in the test-jar for every bundle with commands. */
public final class ConsoleCompletion {

    private ConsoleCompletion() {
    }

    /**
     * The completer Karaf gives an option (e.g. {@code --state}) or argument (by its name) of a command, fresh, its
     * {@code @Reference} fields still to be set. Karaf looks it up among the services its command extender
     * registered, and the extender registers only {@code @Service} classes: a completer without it offers nothing.
     */
    public static Completer completerOf(Class<? extends Action> command, String optionOrArgument) {
        Field field = field(command, optionOrArgument);
        Completion completion = field.getAnnotation(Completion.class);
        if (completion == null) {
            throw new AssertionError(optionOrArgument + " of " + command.getSimpleName() + " has no completer");
        }
        Class<?> type = completion.value();
        if (type.getAnnotation(Service.class) == null) {
            throw new AssertionError(type.getName() + " is no @Service: Karaf never registers it, so Tab offers "
                    + "nothing for " + optionOrArgument + " of " + command.getSimpleName());
        }
        try {
            return (Completer) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Karaf cannot make a " + type.getName() + ": " + e, e);
        }
    }

    private static Field field(Class<?> command, String name) {
        for (Class<?> type = command; type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Option option = field.getAnnotation(Option.class);
                Argument argument = field.getAnnotation(Argument.class);
                if (option != null && option.name().equals(name) || argument != null && argument.name().equals(name)) {
                    return field;
                }
            }
        }
        throw new AssertionError(command.getSimpleName() + " has no option or argument " + name);
    }

    /**
     * Completes {@code typed} as the last word on a command line, the cursor at its end. Karaf's candidates end with
     * the space it inserts after a completed word, which is left out here.
     */
    public static List<String> complete(Completer completer, String typed) {
        String buffer = "samverkan:x --option " + typed;
        CommandLine line = new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 2;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"samverkan:x", "--option", typed};
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
        List<String> candidates = new ArrayList<>();
        completer.complete(null, line, candidates);
        return candidates.stream().map(String::strip).toList();
    }
}
