package se.samverkan.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The distribution archive unpacked under target/ and run the way an administrator runs it: {@code bin/karaf
 * server} with the administrator's password in the environment, {@code bin/stop}, and its log read for what it
 * says. Each instance gets free ports, so tests can run beside a Pax Exam container.
 */
final class KarafProcess implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final Http http;
    private final int sshPort;
    private final String adminPassword;
    private Process process;

    private KarafProcess(Path home, int httpPort, int sshPort, String adminPassword) {
        this.home = home;
        this.sshPort = sshPort;
        this.http = new Http(httpPort);
        this.adminPassword = adminPassword;
    }

    /** A fresh copy of the distribution, named {@code target/PREFIX-…}, not yet started. */
    static KarafProcess unpack(String prefix, String adminPassword) throws Exception {
        Path target = Files.createTempDirectory(Path.of("target"), prefix + "-").toAbsolutePath();
        File archive = new File(System.getProperty("distribution.archive"));
        Process tar = new ProcessBuilder("tar", "xzf", archive.getAbsolutePath(), "-C", target.toString(),
                "--strip-components=1").inheritIO().start();
        assertEquals(0, tar.waitFor(), "unpacking " + archive);
        int httpPort = Http.freePort();
        int sshPort = Http.freePort();
        Map<String, List<String>> edits = Map.of(
                "etc/org.ops4j.pax.web.cfg", List.of("org.osgi.service.http.port = " + httpPort),
                "etc/org.apache.karaf.shell.cfg", List.of("sshPort = " + sshPort),
                "etc/org.apache.karaf.management.cfg", List.of("rmiRegistryPort = " + Http.freePort(),
                        "rmiServerPort = " + Http.freePort()));
        for (Map.Entry<String, List<String>> edit : edits.entrySet()) {
            Files.write(target.resolve(edit.getKey()), edit.getValue(), StandardOpenOption.APPEND);
        }
        return new KarafProcess(target, httpPort, sshPort, adminPassword);
    }

    Path home() {
        return home;
    }

    Http http() {
        return http;
    }

    /**
     * Writes a configuration file under etc/ whole, before a start or while running: written beside and moved in, so
     * the running platform never reads half a file.
     */
    void writeConfig(String name, List<String> lines) throws IOException {
        Path cfg = home.resolve("etc").resolve(name);
        Path next = cfg.resolveSibling(name + ".next");
        Files.write(next, lines, StandardCharsets.UTF_8);
        Files.move(next, cfg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("SAMVERKAN_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
    }

    /** Waits until the REST API answers. */
    void awaitUp() throws InterruptedException {
        try {
            http.awaitUp(TIMEOUT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + logTail(), e);
        }
    }

    /**
     * Runs console commands as the administrator over the remote console, as an administrator would, and returns
     * what they printed. bin/client ends when its input ends, before the output arrives if that is at once: the
     * input is closed only when an echoed marker after the commands has been printed.
     */
    String client(String commands) throws Exception {
        String marker = "end-of-commands-" + System.nanoTime();
        Process client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", "admin", "-p", adminPassword, commands + "; echo " + marker).directory(home.toFile())
                .redirectErrorStream(true).start();
        StringBuilder printed = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            client.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> {
                client.destroyForcibly();
                return client;
            });
            for (String line = lines.readLine(); line != null && !line.trim().equals(marker); line = lines.readLine()) {
                printed.append(line).append('\n');
            }
        } finally {
            client.getOutputStream().close();
            client.waitFor(30, TimeUnit.SECONDS);
        }
        return printed.toString();
    }

    void stop() throws Exception {
        Process stop = new ProcessBuilder(home.resolve("bin/stop").toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stop.waitFor(60, TimeUnit.SECONDS);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            // bin/karaf is a script: killing it leaves the JVM running, still holding the port and the database.
            // Its threads go to the test's output first, to show what held the shutdown.
            List<ProcessHandle> jvms = process.descendants().toList();
            jvms.forEach(jvm -> threadDump(jvm.pid()));
            jvms.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.err.println("Karaf (pid " + pid + ") did not stop within 60 s; its threads:\n" + dump);
        } catch (IOException e) {
            System.err.println("Karaf (pid " + pid + ") did not stop within 60 s; no thread dump: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    /** The n-th line of the Karaf log that contains the text, once it is there (an administrator's view). */
    String awaitLogLine(String text, int n) throws InterruptedException {
        Path log = home.resolve("data/log/karaf.log");
        try {
            return Await.await(n + " lines with '" + text + "' in " + log, TIMEOUT,
                    () -> lines(log).stream().filter(l -> l.contains(text)).toList(), found -> found.size() >= n)
                    .get(n - 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; deploy/ holds " + listing(home.resolve("deploy")) + logTail(), e);
        }
    }

    /** {@link Await#await} for what this distribution does, with the end of its log when the wait fails. */
    <T> T await(String description, Await.Probe<T> probe) throws InterruptedException {
        return await(description, probe, Await::present);
    }

    /** {@link Await#await} until the value seen is accepted, with the end of the log when the wait fails. */
    <T> T await(String description, Await.Probe<T> probe, Predicate<? super T> accepted) throws InterruptedException {
        try {
            return Await.await(description, Await.TIMEOUT, probe, accepted);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + logTail(), e);
        }
    }

    /** The end of the Karaf log, for failure messages. */
    String logTail() {
        return "\nThe Karaf log ends:\n" + tail(home.resolve("data/log/karaf.log"), 40);
    }

    /** The lines of a file that may be being written, or none if it is not there yet. */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList()
                    : List.of();
        } catch (IOException e) {
            return List.of("(" + file + " could not be read: " + e + ")");
        }
    }

    static String tail(Path file, int count) {
        if (!Files.exists(file)) {
            return "(" + file + " does not exist)";
        }
        List<String> all = lines(file);
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }

    static String listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            return "(" + directory + " cannot be listed: " + e + ")";
        }
    }
}
