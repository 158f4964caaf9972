package se.samverkan.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.service.ActivityService;
import se.samverkan.itests.Await.Probe;
import se.samverkan.security.internal.PasswordHashing;

/**
 * What the Pax Exam tests share: the real distribution (with its demo data and demo users) on free ports, an
 * administrator for the console and REST, waiting until every shipped plugin has been applied, {@link #await} for
 * what happens in the background, and configuration for one test ({@link #configure}).
 * <p>
 * One container serves every test class (PerSuite): a boot costs more than all of a class's tests. So a test
 * leaves nothing another one could see: its own ids, and configuration set through {@link #configure}, which puts
 * it back after the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
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
    @Inject
    protected ConfigurationAdmin configurationAdmin;
    @Inject
    private ServiceComponentRuntime components;

    protected Http http;

    /** A configuration this test set, and what it held before (null: it was not there). */
    private record Change(org.osgi.service.cm.Configuration configuration, Dictionary<String, Object> before) {
    }

    private final List<Change> changes = new ArrayList<>();

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
            editConfigurationFilePut("etc/se.samverkan.mail.subscriptions.cfg", "publicUrl",
                    "http://localhost:" + httpPort + "/api/v1"),
            editConfigurationFilePut("etc/se.samverkan.mail.subscriptions.cfg", "noticeSeconds", "1"),
            systemProperty("samverkan.itest.http.port").value(String.valueOf(httpPort)),
            // Injection waits for storage: on a loaded machine the first test class waits for the whole start,
            // longer than Pax Exam's default 10 s.
            systemProperty("pax.exam.service.timeout").value("180000"),
            // GreenMail, for a MailServer inside the container.
            mavenBundle("com.icegreen", "greenmail", System.getProperty("greenmail.version")),
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

    /** Puts back every configuration this test set, newest first. */
    @After
    public void restoreConfiguration() throws Exception {
        Collections.reverse(changes);
        for (Change change : changes) {
            if (change.before() == null) {
                change.configuration().delete();
            } else {
                change.configuration().update(change.before());
            }
        }
        changes.clear();
    }

    /**
     * Karaf may still be refreshing bundles its boot features share with Pax Exam's own when the plugins are
     * applied (PAXEXAM-922); a refreshed bundle is stopped until Karaf starts it again. The tests assert on the
     * state this settles to.
     */
    private void awaitBundlesActive() throws InterruptedException {
        await("every samverkan bundle active", () -> Arrays.stream(bundleContext.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("samverkan-") && b.getState() != Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " in state " + b.getState()).toList(), List::isEmpty);
    }

    protected PluginReport awaitApplied(String plugin) throws InterruptedException {
        return awaitState(plugin, PluginReport.State.APPLIED);
    }

    protected PluginReport awaitState(String plugin, PluginReport.State state) throws InterruptedException {
        return await(plugin + " " + state, () -> plugins.plugin(plugin),
                report -> report.map(PluginReport::state).orElse(null) == state).orElseThrow();
    }

    /** Waits until the probe sees something: neither null nor false; returns it. */
    protected <T> T await(String description, Probe<T> probe) throws InterruptedException {
        return Await.await(description, Await.TIMEOUT, probe, Await::present);
    }

    /** Waits until the value the probe sees is accepted; returns it. Fails naming the last value seen. */
    protected <T> T await(String description, Probe<T> probe, Predicate<? super T> accepted)
            throws InterruptedException {
        return Await.await(description, Await.TIMEOUT, probe, accepted);
    }

    /**
     * Configuration for this test: these properties over what the PID holds, in force once every DS component
     * that takes the PID runs with them (reactivated, or modified); put back as it was after the test.
     */
    protected void configure(String pid, Map<String, ?> properties) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
        Dictionary<String, Object> before = configuration.getProperties();
        changes.add(new Change(configuration, before));
        Hashtable<String, Object> after = new Hashtable<>();
        if (before != null) {
            for (String key : Collections.list(before.keys())) {
                after.put(key, before.get(key));
            }
        }
        after.putAll(properties);
        configuration.update(after);
        awaitInForce(pid, configuration.getPid(), properties);
    }

    /**
     * A new configuration of a factory PID (a calendar feed, a register) for this test, in force once its
     * component runs with it; deleted after the test.
     */
    protected org.osgi.service.cm.Configuration configureFactory(String factoryPid, Map<String, ?> properties)
            throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.createFactoryConfiguration(factoryPid, "?");
        changes.add(new Change(configuration, null));
        configuration.update(new Hashtable<>(properties));
        awaitInForce(factoryPid, configuration.getPid(), properties);
        return configuration;
    }

    private void awaitInForce(String pid, String configurationPid, Map<String, ?> properties) throws InterruptedException {
        for (ComponentDescriptionDTO taker : components.getComponentDescriptionDTOs()) {
            if (Arrays.asList(taker.configurationPid).contains(pid)) {
                await(taker.name + " running with configuration " + configurationPid + " " + properties,
                        () -> components.getComponentConfigurationDTOs(taker), running -> running.stream()
                                .anyMatch(c -> (c.state == ComponentConfigurationDTO.ACTIVE
                                        || c.state == ComponentConfigurationDTO.SATISFIED)
                                        && configurationPid.equals(c.properties.get(Constants.SERVICE_PID))
                                        && properties.entrySet().stream().allMatch(p -> String.valueOf(p.getValue())
                                                .equals(String.valueOf(c.properties.get(p.getKey()))))));
            }
        }
    }

    /** A calendar feed's status as an administrator sees it at /admin/feeds, or null while it is not listed. */
    protected JsonNode feedStatus(String id) {
        for (JsonNode feed : http.send("GET", "/admin/feeds", null, ADMIN, ADMIN_PASSWORD).body()) {
            if (feed.get("id").asText().equals(id)) {
                return feed;
            }
        }
        return null;
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
