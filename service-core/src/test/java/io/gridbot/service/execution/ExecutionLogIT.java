package io.gridbot.service.execution;

import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.conversation.ConversationLogEntry;
import io.gridbot.service.conversation.ConversationLogService;
import io.gridbot.service.conversation.Direction;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Not transactional: every call commits, as in the application. The business write inside the
 * bodies is a conversation-log entry (a {@code @Transactional} service, which joins the execution's
 * transaction).
 */
@SpringBootTest
@ActiveProfiles("it")
class ExecutionLogIT {

  private static final Instant AT = Instant.parse("2026-11-27T09:00:00Z");

  @Autowired ExecutionLog executions;
  @Autowired ConversationLogService conversationLog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void the_body_runs_once_for_repeated_keys() {
    // given
    String key = newKey();
    AtomicInteger runs = new AtomicInteger();

    // when
    String first = executions.once(key, () -> "outcome " + runs.incrementAndGet());
    String second = executions.once(key, () -> "outcome " + runs.incrementAndGet());

    // then
    assertThat(first).isEqualTo("outcome 1");
    assertThat(second).isEqualTo("outcome 1");
    assertThat(runs).hasValue(1);
    assertThat(executions.once(newKey(), () -> "other")).isEqualTo("other");
  }

  @Test
  void a_failing_body_leaves_nothing_and_a_retry_runs_it() {
    // given
    String key = newKey();
    ChannelUser user = newWechatUser();

    // when
    assertThatThrownBy(
            () ->
                executions.once(
                    key,
                    () -> {
                      write(user, "first try");
                      throw new IllegalStateException("gateway down");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("gateway down");

    // then the business write rolled back and no outcome was recorded
    assertThat(entries(user)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dialog_execution WHERE idem_key = ?", Integer.class, key))
        .isZero();

    // and a retry runs the body and keeps both its write and its outcome
    String outcome =
        executions.once(
            key,
            () -> {
              write(user, "second try");
              return "done";
            });
    assertThat(outcome).isEqualTo("done");
    assertThat(entries(user)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT outcome FROM dialog_execution WHERE idem_key = ?", String.class, key))
        .isEqualTo("done");
  }

  @Test
  void an_outcome_for_a_failed_business_call_is_returned_but_nothing_is_kept() {
    // given a body that writes, then answers for a business call that failed (and so marked the
    // transaction for rollback)
    String key = newKey();
    ChannelUser user = newWechatUser();
    AtomicInteger runs = new AtomicInteger();
    java.util.function.Supplier<String> body =
        () -> {
          runs.incrementAndGet();
          write(user, "written before the refusal");
          try {
            conversationLog.history(user.channel(), user.userId(), 0);
            return "accepted";
          } catch (IllegalArgumentException refused) {
            return "refused";
          }
        };

    // when
    String outcome = executions.once(key, body);

    // then the answer comes back, but neither the write nor the outcome is kept
    assertThat(outcome).isEqualTo("refused");
    assertThat(entries(user)).isZero();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM dialog_execution WHERE idem_key = ?", Integer.class, key))
        .isZero();

    // and a retry runs the body again
    assertThat(executions.once(key, body)).isEqualTo("refused");
    assertThat(runs).hasValue(2);
  }

  @Test
  void of_concurrent_runs_the_first_to_commit_wins_and_the_other_rolls_back() throws Exception {
    // given a slow run that has written but not yet recorded its outcome
    String key = newKey();
    ChannelUser user = newWechatUser();
    CountDownLatch slowWrote = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(1);
    CompletableFuture<String> slow =
        CompletableFuture.supplyAsync(
            () ->
                executions.once(
                    key,
                    () -> {
                      write(user, "slow");
                      slowWrote.countDown();
                      await(fastDone);
                      return "slow outcome";
                    }));
    assertThat(slowWrote.await(10, TimeUnit.SECONDS)).isTrue();

    // when a fast run with the same key completes meanwhile
    String fast =
        executions.once(
            key,
            () -> {
              write(user, "fast");
              return "fast outcome";
            });
    fastDone.countDown();

    // then both answer the fast outcome and only the fast run's write remains
    assertThat(fast).isEqualTo("fast outcome");
    assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("fast outcome");
    assertThat(conversationLog.history(user.channel(), user.userId(), 10))
        .extracting(ConversationLogEntry::text)
        .containsExactly("fast");
  }

  @Test
  void rejects_a_blank_or_long_key() {
    assertThatThrownBy(() -> executions.once(" ", () -> "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> executions.once("k".repeat(129), () -> "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void write(ChannelUser user, String text) {
    conversationLog.record(
        ConversationLogEntry.of(user, Direction.OUT, null, text, null, null, AT));
  }

  private int entries(ChannelUser user) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM conversation_log WHERE channel_user_id = ?",
        Integer.class,
        user.userId());
  }

  private static String newKey() {
    return "form:" + UUID.randomUUID();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
