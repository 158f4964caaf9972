package se.samverkan.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest SMTP server that takes mail (RFC 5321's dialogue, no extensions), started inside the container
 * so the platform's real mail route has something to deliver to: every message's raw text is kept.
 */
final class SmtpSink implements AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "smtp-sink");
        accepting.setDaemon(true);
        accepting.start();
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
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        out.print("220 sink\r\n");
        out.flush();
        StringBuilder data = null;
        for (String line; (line = in.readLine()) != null; ) {
            if (data != null) {
                if (line.equals(".")) {
                    messages.add(data.toString());
                    data = null;
                    reply(out, "250 taken");
                } else {
                    data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                }
            } else if (line.toUpperCase().startsWith("DATA")) {
                data = new StringBuilder();
                reply(out, "354 end with .");
            } else if (line.toUpperCase().startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 ok");
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
