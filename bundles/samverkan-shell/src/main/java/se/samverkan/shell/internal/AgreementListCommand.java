package se.samverkan.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import se.samverkan.api.model.AgreementStatus;
import se.samverkan.api.service.AgreementService;
import se.samverkan.shell.Completers;
import se.samverkan.shell.Options;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "agreement-list", description = "Lists agreements: IOPs, grants, ESF and AMIF projects.")
public class AgreementListCommand extends SamverkanCommand {

    @Option(name = "--status", description = "Only agreements in this status: draft, active or ended")
    @Completion(Completers.AgreementStatuses.class)
    String status;

    @Reference
    AgreementService agreements;

    @Override
    protected void print(PrintStream out) throws CommandException {
        AgreementStatus wanted = Options.parseEnum(AgreementStatus.class, "--status", status);
        Tables.agreements(agreements.list().stream()
                .filter(a -> wanted == null || a.status() == wanted)
                .toList()).print(out);
    }
}
