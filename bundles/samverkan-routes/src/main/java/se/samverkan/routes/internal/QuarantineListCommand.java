package se.samverkan.routes.internal;

import static se.samverkan.shell.Tables.row;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.shell.Formats;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "quarantine-list",
        description = "Lists what imports could not take, newest first, with the reason; waiting items unless --all.")
public class QuarantineListCommand extends SamverkanCommand {

    @Option(name = "--source", description = "Only items of this source, e.g. feed:sv-orebro-kurser")
    String source;

    @Option(name = "--all", description = "Also items already replayed or superseded")
    boolean all;

    @Reference
    QuarantineService quarantine;

    @Override
    protected void print(PrintStream out) {
        Tables.table(quarantine.list(source, !all), "Nothing is quarantined.", q -> row(q.id(), q.source(), q.key(),
                        Formats.label(q.state()), Formats.instant(q.quarantinedAt()), q.reason()),
                "Id", "Source", "Key", "State", "Since", "Reason").print(out);
    }
}
