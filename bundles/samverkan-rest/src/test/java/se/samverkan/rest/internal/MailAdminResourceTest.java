package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.testing.InMemoryMailQueue;

/** Replaying mail over REST: a message that is not dead is a conflict; a database that fails is not. */
class MailAdminResourceTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private ApiServer server;

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aReplayOfMailThatIsNotDeadIs409AndAFailedWriteIs500() throws Exception {
        InMemoryMailQueue queue = new InMemoryMailQueue() {
            @Override
            public synchronized QueuedMail replay(long id) {
                if (id == 2) {
                    // What the outbox's JDBC layer throws when a statement fails.
                    throw new IllegalStateException("Cannot write the mail outbox: the disk is full");
                }
                return super.replay(id);
            }
        };
        QueuedMail waiting = queue.queue(new OutgoingMail("key-1", "anna@example.se", "Hej", "text", "<p>text</p>",
                null, "sv"));
        server = new ApiServer(dir, Map.of(), security -> List.of(
                new MailAdminResource(queue)));

        HttpResponse<String> notDead = replay(waiting.id());
        assertEquals(409, notDead.statusCode());
        assertTrue(notDead.body().contains("not DEAD"), notDead.body());
        HttpResponse<String> failed = replay(2);
        assertEquals(500, failed.statusCode(), "a failed write is the server's error, not a conflict");
        assertTrue(!failed.body().contains("disk"), "and its internals stay in the log: " + failed.body());
    }

    private HttpResponse<String> replay(long id) throws Exception {
        return client.send(HttpRequest.newBuilder(server.base.resolve("admin/mail/" + id + "/replay"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:right".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
