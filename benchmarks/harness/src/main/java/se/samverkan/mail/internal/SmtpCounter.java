package se.samverkan.mail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP server that takes every message and only counts messages and bytes, so that the digest
 * benchmark measures the sending side (GreenMail, which stores each message in a mailbox, took about 20 a
 * second here whatever the sender did).
 */
final class SmtpCounter implements AutoCloseable {

    final AtomicLong messages = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private final ServerSocket server;

    SmtpCounter() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "smtp-counter");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (IOException closedOrBroken) {
                // The next client gets a fresh conversation; a closed server ends the loop.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        reply(out, "220 counter");
        boolean data = false;
        for (String line; (line = in.readLine()) != null; ) {
            if (data) {
                if (line.equals(".")) {
                    data = false;
                    messages.incrementAndGet();
                    reply(out, "250 taken");
                } else {
                    bytes.addAndGet(line.length() + 2);
                }
            } else if (line.regionMatches(true, 0, "DATA", 0, 4)) {
                data = true;
                reply(out, "354 end with .");
            } else if (line.regionMatches(true, 0, "QUIT", 0, 4)) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
