package se.samverkan.plugins.svorebro.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import se.samverkan.api.util.TextDecoding;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.ImportResult;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobStatus;
import se.samverkan.routes.PolledRuns;
import se.samverkan.routes.SamverkanEndpoints;
import se.samverkan.routes.ServiceUnavailableException;

/**
 * SV Örebro län's course catalogue import, a Camel route this plugin brings: a catalogue file (see
 * {@link CourseCatalogue} for its columns) dropped into the inbox folder is read, each good row is stored as an
 * activity through {@code samverkan:activities}, and the file is moved to the done folder. A file with a bad
 * row (one that cannot be read, or that Samverkan refuses) still has its good rows stored, and is moved to the
 * error folder with a report beside it naming each bad row and why. The platform runs the route (it picks up
 * every RoutesBuilder service) and removes it when this plugin goes. It is the import job
 * {@code catalogue:sv-orebro}: each look into the inbox that found a file is a run, and a run now looks at once.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class}, configurationPid = CourseCatalogueRoute.PID)
@Designate(ocd = CatalogueImportConfig.class)
public class CourseCatalogueRoute extends RouteBuilder implements ImportJob {

    static final String PID = "se.samverkan.plugins.svorebro.catalogue";
    /** The route's id, as {@code camel:route-list} shows it. */
    static final String ROUTE_ID = "sv-orebro-course-catalogue";
    static final String JOB_ID = "catalogue:sv-orebro";

    private static final Logger LOG = System.getLogger(CourseCatalogueRoute.class.getName());
    private static final String CATALOGUE = "svOrebroCatalogue";
    private static final String RECEIVED_AT = "svOrebroReceivedAt";

    private Path inbox;
    private String doneFolder;
    private String errorFolder;
    private long pollMillis;
    private CourseCatalogue catalogue;
    private final PolledRuns runs = new PolledRuns();

    public CourseCatalogueRoute() {
    }

    /** For tests: the route as the configuration would make it. */
    CourseCatalogueRoute(CatalogueImportConfig config) {
        activate(config);
    }

    @Activate
    void activate(CatalogueImportConfig config) {
        inbox = config.inbox().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "samverkan", "inbox", "sv-orebro")
                : Paths.get(config.inbox());
        doneFolder = config.doneFolder();
        errorFolder = config.errorFolder();
        pollMillis = config.pollMillis();
        catalogue = new CourseCatalogue(config.organiserId(), config.idPrefix());
    }

    Path inbox() {
        return inbox;
    }

    @Override
    public String id() {
        return JOB_ID;
    }

    @Override
    public JobStatus status() {
        return status(runs.lastRun());
    }

    private JobStatus status(JobRun lastRun) {
        return new JobStatus(JOB_ID, "catalogue", inbox.toString(), pollMillis % 1000 == 0
                ? ImportJob.every(pollMillis / 1000) : "every " + pollMillis + " ms", null, lastRun,
                runs.lastSuccess());
    }

    /** Looks into the inbox now, through the route: each file there is taken as the schedule would take it. */
    @Override
    public JobStatus run() {
        return status(runs.pollNow());
    }

    @Override
    public void configure() {
        // Storage restarting: try the whole file again (rows already stored come back unchanged).
        onException(ServiceUnavailableException.class).maximumRedeliveries(6).redeliveryDelay(10_000)
                .process(runs::failed);
        // Bad rows were reported by report(); the exception only sends the file to the error folder.
        onException(BadRows.class).logExhausted(false);
        // Anything else (a file that cannot be read, a report that cannot be written) fails the run.
        onException(Exception.class).process(runs::failed);

        String stamp = "${exchangeProperty." + RECEIVED_AT + "}-${file:name}";
        // The first look waits a whole interval too, so a file being written when the route starts has time.
        from("file:" + inbox.toAbsolutePath().toString().replace('\\', '/')
                + "?antInclude=*.csv&antFilterCaseSensitive=false"
                + "&readLock=changed&readLockCheckInterval=500&initialDelay=" + pollMillis + "&delay=" + pollMillis
                + "&move=" + doneFolder + "/" + stamp + "&moveFailed=" + errorFolder + "/" + stamp)
                .routeId(ROUTE_ID)
                .routePolicy(runs)
                .setProperty(RECEIVED_AT, simple("${date:now:yyyyMMdd-HHmmss}"))
                .process(this::read)
                .to(SamverkanEndpoints.ACTIVITIES)
                .process(this::report);
    }

    /** The file's rows become the activities in the body; what could not be read waits for the report. */
    private void read(Exchange exchange) {
        CourseCatalogue.Read read = catalogue.read(
                TextDecoding.decode(exchange.getIn().getBody(byte[].class), null).text());
        exchange.setProperty(CATALOGUE, read);
        exchange.getIn().setBody(read.activities());
    }

    /** Logs what was stored; with a bad row, writes the report and fails, so the file goes to the error folder. */
    private void report(Exchange exchange) throws IOException, BadRows {
        CourseCatalogue.Read read = exchange.getProperty(CATALOGUE, CourseCatalogue.Read.class);
        @SuppressWarnings("unchecked")
        List<ImportResult> results = exchange.getMessage().getBody(List.class);
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        List<String> problems = new ArrayList<>(read.problems());
        for (ImportResult result : results) {
            if (result.outcome() == ImportResult.Outcome.REFUSED) {
                problems.add("line " + read.lines().getOrDefault(result.id(), 0) + " (" + result.id() + "): refused: "
                        + result.reason());
            }
        }
        Map<String, Object> headers = exchange.getMessage().getHeaders();
        runs.add(new JobRun.Counts(count(headers, SamverkanEndpoints.CREATED), count(headers, SamverkanEndpoints.UPDATED),
                count(headers, SamverkanEndpoints.UNCHANGED), 0, problems.size()));
        String summary = "Course catalogue " + file + ": " + headers.get(SamverkanEndpoints.CREATED) + " created, "
                + headers.get(SamverkanEndpoints.UPDATED) + " updated, " + headers.get(SamverkanEndpoints.UNCHANGED)
                + " unchanged, " + problems.size() + " bad rows";
        if (problems.isEmpty()) {
            LOG.log(Level.INFO, summary);
            return;
        }
        problems.forEach(p -> LOG.log(Level.WARNING, "Course catalogue " + file + ", " + p));
        LOG.log(Level.WARNING, summary + "; the file goes to " + inbox.resolve(errorFolder));
        Path report = inbox.resolve(errorFolder)
                .resolve(exchange.getProperty(RECEIVED_AT, String.class) + "-" + file + ".report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, summary + "\n" + String.join("\n", problems) + "\n", StandardCharsets.UTF_8);
        throw new BadRows(summary);
    }

    private static int count(Map<String, Object> headers, String header) {
        return headers.get(header) instanceof Integer n ? n : 0;
    }

    /** A catalogue had bad rows; its good rows are stored. */
    static final class BadRows extends Exception {
        BadRows(String message) {
            super(message);
        }
    }
}
