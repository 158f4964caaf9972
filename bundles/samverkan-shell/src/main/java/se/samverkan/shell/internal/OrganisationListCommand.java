package se.samverkan.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.shell.Completers;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "organisation-list", description = "Lists partner organisations and public bodies.")
public class OrganisationListCommand extends SamverkanCommand {

    @Option(name = "--municipality", description = "Only organisations working in this municipality (code, e.g. 1487)")
    @Completion(Completers.MunicipalityCodes.class)
    String municipality;

    @Reference
    OrganisationService organisations;

    @Reference
    MunicipalityService municipalities;

    @Override
    protected void print(PrintStream out) {
        if (municipality != null) {
            // An unknown code would otherwise look like a municipality without partners.
            municipalities.get(municipality);
        }
        Tables.organisations(organisations.list().stream()
                .filter(o -> municipality == null
                        || o.municipalityCodes() != null && o.municipalityCodes().contains(municipality))
                .toList()).print(out);
    }
}
