package se.samverkan.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.service.ProgrammeService;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "programme-list", description = "Lists regional programmes and their outcome targets.")
public class ProgrammeListCommand extends SamverkanCommand {

    @Reference
    ProgrammeService programmes;

    @Override
    protected void print(PrintStream out) {
        Tables.programmes(programmes.list()).print(out);
    }
}
