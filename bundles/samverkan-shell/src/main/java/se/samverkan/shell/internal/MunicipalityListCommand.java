package se.samverkan.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.service.MunicipalityService;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "municipality-list", description = "Lists the municipalities (kommuner).")
public class MunicipalityListCommand extends SamverkanCommand {

    @Reference
    MunicipalityService municipalities;

    @Override
    protected void print(PrintStream out) {
        Tables.municipalities(municipalities.list()).print(out);
    }
}
