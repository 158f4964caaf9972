package se.samverkan.shell;

import java.io.PrintStream;
import java.security.AccessController;
import java.util.List;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.security.Caller;
import se.samverkan.api.security.Role;
import se.samverkan.api.service.SamverkanException;

/** Base of the samverkan:* commands: they print to the console, and an error the user can act on is one line. */
public abstract class SamverkanCommand implements Action {

    @Override
    public final Object execute() throws Exception {
        try {
            print(System.out);
        } catch (SamverkanException e) {
            // Karaf shows a CommandException as one line, with no stack trace and no ERROR in the log, and the
            // command still fails, so scripts see it.
            throw new CommandException(e.getMessage(), e);
        }
        return null;
    }

    /**
     * Who writes from the console: its logged-in user, as an administrator (the console itself is for
     * administrators only).
     */
    public static Caller consoleCaller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        String user = subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName).findFirst().orElse(null);
        return Caller.fromRoleNames(user == null ? "console" : user, List.of(Role.ADMIN.roleName()));
    }

    /** Karaf binds System.out to the session running the command. */
    protected abstract void print(PrintStream out) throws CommandException;
}
