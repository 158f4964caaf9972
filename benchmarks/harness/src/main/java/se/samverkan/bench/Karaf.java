package se.samverkan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One unpacked Karaf-based distribution, started and stopped as an administrator does. */
final class Karaf {

    final Path home;
    final int httpPort;
    private Process process;

    private Karaf(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks the archive into a fresh folder and gives it free ports. */
    static Karaf unpack(Path archive, Path into) throws Exception {
        Files.createDirectories(into);
        Path home = Files.createTempDirectory(into, archive.getFileName().toString().replace(".tar.gz", "-"));
        run("tar", "xzf", archive.toString(), "-C", home.toString(), "--strip-components=1");
        int port = freePort();
        append(home, "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + port);
        append(home, "etc/org.apache.karaf.shell.cfg", "sshPort = " + freePort());
        append(home, "etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort(),
                "rmiServerPort = " + freePort());
        return new Karaf(home, port);
    }

    /** Starts it and returns the milliseconds until {@code readyPath} answers 200. */
    long startAndAwait(String readyPath) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        // The same heap limit for every distribution measured.
        builder.environment().put("JAVA_MAX_MEM", "1024M");
        builder.environment().put("JAVA_MIN_MEM", "256M");
        builder.environment().put("SAMVERKAN_ADMIN_PASSWORD", "benchmark");
        long start = System.nanoTime();
        process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://localhost:" + httpPort + readyPath);
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(180)) {
            try {
                if (client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(home + " did not answer " + readyPath + " within 180 s");
    }

    /** Waits for a line in the Karaf log, e.g. the demo data loader's summary. */
    void awaitLog(String text) throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        for (int i = 0; i < 1200; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("'" + text + "' did not appear in " + log);
    }

    /** Resident memory of the Karaf JVM (and its launcher script), in MiB. */
    long residentMib() throws IOException {
        long kib = 0;
        for (ProcessHandle p : Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList()) {
            Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
            if (Files.exists(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            }
        }
        return kib / 1024;
    }

    long installedBundles() throws IOException {
        try (Stream<Path> bundles = Files.list(home.resolve("data/cache"))) {
            return bundles.filter(p -> p.getFileName().toString().startsWith("bundle")).count();
        }
    }

    /** kill -9 of the JVM and its launcher, as a power cut or the OOM killer would end it. */
    void kill() throws Exception {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** Appends lines to a file of etc/, new or shipped, e.g. a setting a scenario needs before the start. */
    void configure(String file, String... lines) throws IOException {
        Files.write(home.resolve("etc/" + file), List.of(lines), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void stop() throws Exception {
        run(home.resolve("bin/stop").toString());
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static void append(Path home, String file, String... lines) throws IOException {
        Files.write(home.resolve(file), List.of(lines), StandardOpenOption.APPEND);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
