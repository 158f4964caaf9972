package se.samverkan.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.service.ActivityService;
import se.samverkan.security.internal.PasswordHashing;

/**
 * What the Pax Exam tests share: the real distribution (with its demo data and demo users) on free ports, an
 * administrator for the console and REST, and waiting until every shipped plugin has been applied.
 */
abstract class PlatformTestSupport {

    static final String ADMIN = "itest-admin";
    static final String ADMIN_PASSWORD = "itest-secret";
    /** Every plugin the distribution boots with. */
    static final List<String> SHIPPED_PLUGINS = List.of("samverkan-demo-data", "samverkan-municipality-gotene",
            "samverkan-municipality-vanersborg", "samverkan-municipality-trollhattan",
            "samverkan-partner-support-group-network", "samverkan-partner-sv-orebro", "samverkan-partner-abf-fyrbodal",
            "samverkan-programme-helhetslyftet");

    @Inject
    protected BundleContext bundleContext;
    @Inject
    protected SessionFactory sessionFactory;
    /** Injection waits until storage is up. */
    @Inject
    protected ActivityService activityService;
    @Inject
    protected PluginRegistry plugins;

    protected Http http;

    @Configuration
    public Option[] config() {
        int httpPort = Http.freePort();
        File archive = new File(System.getProperty("distribution.archive"));
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(archive.toURI().toString()).karafVersion("4.4.10")
                    .name("Samverkan").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            // A failed run's container (its data/log/karaf.log) stays in target/exam to be looked into.
            keepRuntimeFolder(),
            logLevel(LogLevel.WARN),
            // The distribution is offline; Pax Exam's own bundles come from the build's local repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(Http.freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(Http.freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(Http.freePort())),
            // Hashed already: Karaf rewrites the file to hash a plain password at its first login, and lost the demo
            // users the platform added while it hashed.
            editConfigurationFilePut("etc/users.properties", ADMIN,
                    "{CRYPT}" + PasswordHashing.hash(ADMIN_PASSWORD, 1000) + "{CRYPT},admin"),
            // Links in subscribers' mails point at this container; notices go out a second after a change.
            editConfigurationFilePut("etc/se.samverkan.subscriptions.cfg", "publicUrl",
                    "http://localhost:" + httpPort + "/api/v1"),
            editConfigurationFilePut("etc/se.samverkan.subscriptions.cfg", "noticeSeconds", "1"),
            systemProperty("samverkan.itest.http.port").value(String.valueOf(httpPort)),
        };
    }

    @Before
    public void awaitPlatform() throws InterruptedException {
        http = new Http(Integer.getInteger("samverkan.itest.http.port"));
        http.awaitUp(Duration.ofSeconds(60));
        for (String plugin : SHIPPED_PLUGINS) {
            awaitApplied(plugin);
        }
        awaitBundlesActive();
    }

    /**
     * Karaf may still be refreshing bundles its boot features share with Pax Exam's own when the plugins are
     * applied (PAXEXAM-922); a refreshed bundle is stopped until Karaf starts it again. The tests assert on the
     * state this settles to.
     */
    private void awaitBundlesActive() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && Arrays.stream(bundleContext.getBundles())
                .anyMatch(b -> b.getSymbolicName().startsWith("samverkan-") && b.getState() != Bundle.ACTIVE)) {
            Thread.sleep(200);
        }
    }

    protected PluginReport awaitApplied(String plugin) throws InterruptedException {
        return awaitState(plugin, PluginReport.State.APPLIED);
    }

    protected PluginReport awaitState(String plugin, PluginReport.State state) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (plugins.plugin(plugin).map(PluginReport::state).orElse(null) != state) {
            if (System.nanoTime() > end) {
                throw new AssertionError(plugin + " was not " + state + " within a minute: " + plugins.plugin(plugin));
            }
            Thread.sleep(200);
        }
        return plugins.plugin(plugin).orElseThrow();
    }

    /** Runs a console command as the administrator and returns what it printed. */
    protected String executeCommand(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal(ADMIN));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
