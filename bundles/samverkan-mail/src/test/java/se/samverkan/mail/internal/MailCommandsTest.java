package se.samverkan.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.samverkan.shell.testing.ConsoleOutput.output;
import static se.samverkan.shell.testing.ConsoleOutput.row;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;

class MailCommandsTest {

    private final InMemoryMailQueue queue = new InMemoryMailQueue();

    @Test
    void mailQueueListsStateAttemptsAndTheLastErrorAndReplayQueuesDeadMail() throws CommandException {
        QueuedMail dead = queue.queue(new OutgoingMail("digest-1", "anna@example.se", "Veckans aktiviteter", "t",
                "<p>h</p>", null, "sv"));
        queue.queue(new OutgoingMail("digest-2", "bo@example.se", "Nyheter", "t", "<p>h</p>", null, "sv"));
        queue.claimDue(1, Instant.now().plusSeconds(1));
        queue.markFailed(dead.id(), "Connection refused", null);

        MailQueueCommand list = new MailQueueCommand();
        list.mail = queue;
        List<String> cells = row(output(list::print), "1");
        assertEquals(List.of("1", "anna@example.se", "Veckans aktiviteter", "dead", "1"), cells.subList(0, 5));
        assertEquals("Connection refused", cells.get(6));
        list.state = "queued";
        String queued = output(list::print);
        assertTrue(queued.contains("bo@example.se") && !queued.contains("anna@example.se"), queued);
        list.state = "lost";
        assertEquals("'lost' is no mail state; use one of [queued, sending, sent, dead, withdrawn]",
                assertThrows(CommandException.class, () -> output(list::print)).getMessage());

        MailReplayCommand replay = new MailReplayCommand();
        replay.mail = queue;
        replay.id = dead.id();
        assertEquals("Mail 1 to anna@example.se is queued again.", output(replay::print).strip());
        assertEquals(QueuedMail.State.QUEUED, queue.find(1).orElseThrow().state());
        assertTrue(assertThrows(ConflictException.class, () -> output(replay::print)).getMessage().contains("not DEAD"));
        replay.id = 99;
        assertThrows(NotFoundException.class, () -> output(replay::print));
    }
}
