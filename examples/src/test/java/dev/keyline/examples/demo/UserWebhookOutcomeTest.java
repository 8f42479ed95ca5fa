package dev.keyline.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.examples.demo.UserWebhookOutcome.DeadLetter;
import dev.keyline.examples.demo.UserWebhookOutcome.DeadLetterGroup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's summary of the dead letters: grouped by cause, with a few example events each. */
class UserWebhookOutcomeTest {

    private static final URI URL = URI.create("http://127.0.0.1:9/hooks");

    private static DeadLetter refused(String id) {
        return new DeadLetter(id, "keyaccount.registered", 4,
                "your-webhook: KL-502 I/O failure talking to " + URL + " (ConnectException) for event " + id);
    }

    private static DeadLetter unauthorised(String id) {
        return new DeadLetter(id, "pricing.requested", 1, "your-webhook: KL-502 " + URL + " answered 401 for event " + id);
    }

    private static UserWebhookOutcome outcomeOf(List<DeadLetter> letters) {
        return new UserWebhookOutcome(URL, letters.size() + 2, 2, 3, letters.size(), letters);
    }

    @Test
    void deadLettersSharingACauseButNotAnEventIdFallIntoOneGroupTheLargestFirst() {
        List<DeadLetter> letters = new ArrayList<>();
        letters.add(unauthorised("evt-u1"));
        for (int i = 1; i <= 5; i++) {
            letters.add(refused("evt-r" + i));
        }
        letters.add(unauthorised("evt-u2"));

        List<DeadLetterGroup> groups = outcomeOf(letters).deadLettersByCause(3);

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).cause()).isEqualTo("your-webhook: KL-502 I/O failure talking to " + URL + " (ConnectException)");
        assertThat(groups.get(0).count()).isEqualTo(5);
        assertThat(groups.get(0).examples()).extracting(DeadLetter::eventId).containsExactly("evt-r1", "evt-r2", "evt-r3");
        assertThat(groups.get(1).cause()).isEqualTo("your-webhook: KL-502 " + URL + " answered 401");
        assertThat(groups.get(1).count()).isEqualTo(2);
        assertThat(groups.get(1).examples()).extracting(DeadLetter::eventId).containsExactly("evt-u1", "evt-u2");
    }

    @Test
    void theConsoleShowsOneLinePerCauseAndPointsToTheReportForTheFullList() {
        List<DeadLetter> letters = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            letters.add(refused("evt-r" + i));
        }
        letters.add(unauthorised("evt-u1"));

        List<String> lines = outcomeOf(letters).consoleLines();

        assertThat(lines).containsExactly(
                "Your webhook: 43 events to " + URL + ": 2 delivered, 3 retried, 41 dead-lettered",
                "  40 dead-lettered: your-webhook: KL-502 I/O failure talking to " + URL + " (ConnectException); e.g. "
                        + "evt-r1 (keyaccount.registered), evt-r2 (keyaccount.registered), "
                        + "evt-r3 (keyaccount.registered), and 37 more",
                "  1 dead-lettered: your-webhook: KL-502 " + URL + " answered 401; e.g. evt-u1 (pricing.requested)",
                "  every dead letter, with its attempts and reason, is listed in the report under \"Your webhook\"");
    }

    @Test
    void withNothingDeadLetteredTheConsoleShowsTheCountsAlone() {
        assertThat(outcomeOf(List.of()).consoleLines())
                .containsExactly("Your webhook: 2 events to " + URL + ": 2 delivered, 3 retried, 0 dead-lettered");
        assertThat(outcomeOf(List.of()).deadLettersByCause(3)).isEmpty();
    }

    @Test
    void aGroupNeedsAtLeastOneExampleAndNoMoreThanItsCount() {
        assertThatThrownBy(() -> outcomeOf(List.of(refused("evt-1"))).deadLettersByCause(0))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("examplesPerCause");
        assertThatThrownBy(() -> new DeadLetterGroup("cause", 1, List.of(refused("a"), refused("b"))))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("examples");
    }
}
