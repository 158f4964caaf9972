package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import se.samverkan.itests.Http.Reply;

/**
 * "Add your municipality" as a newcomer does it: generate a plugin from the archetype, build it with Maven, drop
 * the .kar into deploy/ of the running distribution, and find the municipality and its activity over REST.
 * Maven runs offline on the local repository of the outer build, which holds the archetype and the platform.
 */
class MunicipalityArchetypeIT {

    /** Tanum: a real municipality that no plugin of the distribution brings. */
    private static final String CODE = "1435";
    private static final String NAME = "Tanum";
    private static final String ARTIFACT = "samverkan-municipality-tanum";
    private static final String VERSION = "1.0.0-SNAPSHOT";
    /** The example activity of the generated file; its id ends with the municipality's name. */
    private static final String ACTIVITY = "sprakcafe-tanum";
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(4);

    private KarafProcess karaf;
    private Path work;

    @Test
    void aGeneratedPluginBuildsAndInstallsByDroppingItsKarIntoDeploy() throws Exception {
        karaf = KarafProcess.unpack("archetype", "archetype-secret");
        Http http = karaf.http();
        karaf.start(); // boots while Maven generates and builds the plugin

        work = Files.createTempDirectory("samverkan-archetype-it-");
        maven(work, "generate", pluginGoal("generate"),
                "-DarchetypeGroupId=se.samverkan",
                "-DarchetypeArtifactId=samverkan-municipality-archetype",
                "-DarchetypeVersion=" + System.getProperty("project.version"),
                "-DinteractiveMode=false",
                "-DgroupId=se.example.tanum",
                "-DartifactId=" + ARTIFACT,
                "-Dversion=" + VERSION,
                "-DmunicipalityCode=" + CODE,
                "-DmunicipalityName=" + NAME);
        Path project = work.resolve(ARTIFACT);
        assertTrue(Files.isRegularFile(project.resolve("src/main/resources/" + ARTIFACT + ".json")),
                "the generated project has its contribution file: " + KarafProcess.listing(project));
        maven(project, "package", "package");
        Path kar = project.resolve("target/" + ARTIFACT + "-" + VERSION + ".kar");
        assertTrue(Files.isRegularFile(kar), "the build made " + kar + ": " + KarafProcess.listing(project.resolve("target")));

        karaf.awaitUp();
        assertEquals(404, http.get("/municipalities/" + CODE).status(), NAME + " is not there before the plugin");
        Files.copy(kar, karaf.home().resolve("deploy").resolve(kar.getFileName()));

        String applied = karaf.awaitLogLine("Plugin " + ARTIFACT + " ", 1);
        assertTrue(applied.contains(": APPLIED, "), "the plugin is applied: " + applied + karaf.logTail());
        Reply municipality = http.get("/municipalities/" + CODE);
        assertEquals(200, municipality.status(), "GET /municipalities/" + CODE + karaf.logTail());
        assertEquals(NAME, municipality.body().get("name").asText());
        assertEquals("Västra Götalands län", municipality.body().get("county").asText(),
                "the county follows from the code");
        Reply activities = http.get("/activities?municipality=" + CODE);
        assertEquals(200, activities.status());
        List<String> ids = new ArrayList<>();
        for (JsonNode item : activities.body().get("items")) {
            ids.add(item.get("id").asText());
        }
        assertEquals(List.of(ACTIVITY), ids, "the example activity of " + NAME);
        JsonNode activity = activities.body().get("items").get(0);
        assertEquals("bibliotek-tanum", activity.get("venueId").asText());
        assertTrue(activity.get("occurrences").size() > 0, "the example activity has occurrences: " + activity);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    // --- Maven, as the newcomer runs it -------------------------------------------------------------------

    private static String pluginGoal(String goal) {
        String version = property("archetype.plugin.version");
        assertTrue(version != null, "system property archetype.plugin.version is not set (see the failsafe configuration)");
        return "org.apache.maven.plugins:maven-archetype-plugin:" + version + ":" + goal;
    }

    /** Runs Maven offline in the directory; fails with the end of its output if the build fails. */
    private static void maven(Path directory, String step, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-o", "-ntp"));
        String repository = property("maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        Path log = directory.resolveSibling("mvn-" + step + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process maven = builder.start();
        if (!maven.waitFor(MAVEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            maven.destroyForcibly().waitFor();
            throw new AssertionError("mvn " + step + " did not finish within " + MAVEN_TIMEOUT + " in " + directory
                    + "\n" + String.join(" ", command) + "\nIts output ends:\n" + KarafProcess.tail(log, 60));
        }
        if (maven.exitValue() != 0) {
            throw new AssertionError("mvn " + step + " failed with exit code " + maven.exitValue() + " in " + directory
                    + "\n" + String.join(" ", command) + "\nIts output ends:\n" + KarafProcess.tail(log, 60));
        }
    }

    /** The Maven that runs this build (maven.home), else MAVEN_HOME or M2_HOME, else mvn on the PATH. */
    private static String mavenExecutable() {
        List<String> homes = new ArrayList<>();
        homes.add(property("maven.home"));
        homes.add(System.getenv("MAVEN_HOME"));
        homes.add(System.getenv("M2_HOME"));
        for (String mavenHome : homes) {
            if (mavenHome != null && !mavenHome.isBlank()) {
                Path mvn = Path.of(mavenHome, "bin", "mvn");
                if (Files.isExecutable(mvn)) {
                    return mvn.toString();
                }
            }
        }
        return "mvn";
    }

    /** A system property, or null if it is not set or was passed on uninterpolated. */
    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? null : value;
    }
}
