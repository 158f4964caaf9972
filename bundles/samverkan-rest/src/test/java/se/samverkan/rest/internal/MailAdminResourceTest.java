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
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ConflictException;

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
        QueuedMail waiting = new QueuedMail(1, "key-1", "anna@example.se", "Hej", QueuedMail.State.QUEUED, 0,
                null, null, null, null);
        MailQueue queue = new MailQueue() {
            @Override
            public QueuedMail replay(Caller caller, long id) {
                if (id == 2) {
                    // What the outbox's JDBC layer throws when a statement fails.
                    throw new IllegalStateException("Cannot write the mail outbox: the disk is full");
                }
                throw new ConflictException("Mail " + id + " is QUEUED, not DEAD; only dead mail is replayed");
            }

            @Override
            public QueuedMail queue(OutgoingMail mail) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<QueuedMail> list(QueuedMail.State state) {
                return List.of(waiting);
            }

            @Override
            public Optional<QueuedMail> find(long id) {
                return Optional.of(waiting);
            }

            @Override
            public int withdraw(String... stems) {
                return 0;
            }
        };
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
