package io.gridbot.service.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Staff's view of notices going out, on MariaDB. */
@SpringBootTest(
    properties = {
      "gridbot.notifications.consume=false",
      "gridbot.notifications.outbox.relay=false"
    })
@ActiveProfiles("it")
class NoticeFiguresIT {

  @Autowired ReportService reports;
  @Autowired JdbcTemplate jdbc;

  @Test
  void counts_the_periods_deliveries_and_lists_the_latest_problems_with_masked_users() {
    // given, far in the future so that other tests' rows stay out of the period
    Instant since = Instant.now().plus(Duration.ofDays(3000)).truncatedTo(ChronoUnit.SECONDS);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    delivery("oAbcdefgh-" + tag + "-1", "SENT", null, since.plusSeconds(10));
    delivery("oAbcdefgh-" + tag + "-2", "SENT", null, since.plusSeconds(20));
    delivery(
        "oAbcdefgh-" + tag + "-3",
        "FAILED",
        "wechat 43004: the user does not follow",
        since.plusSeconds(30));
    delivery("oAbcdefgh-" + tag + "-4", "RETRY", "I/O error", since.plusSeconds(40));
    delivery("oAbcdefgh-" + tag + "-5", "DEAD", "5 attempts", since.plusSeconds(50));
    delivery("oAbcdefgh-" + tag + "-6", "FAILED", "before the period", since.minusSeconds(60));

    // when
    NoticeFigures figures = reports.notices(since, 2);

    // then
    assertThat(figures.deliveriesByState())
        .containsEntry("SENT", 2L)
        .containsEntry("FAILED", 1L)
        .containsEntry("RETRY", 1L)
        .containsEntry("DEAD", 1L);
    assertThat(figures.problems())
        .extracting(NoticeFigures.Problem::state)
        .containsExactly("DEAD", "RETRY");
    assertThat(figures.problems().get(0).user()).isEqualTo("oAbc***-5").doesNotContain(tag);
    assertThat(figures.problems().get(0).error()).isEqualTo("5 attempts");
    assertThat(figures.outboxPending()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void shows_what_waits_in_the_outbox() {
    // given
    long before = reports.notices(Instant.now(), 1).outboxPending();
    Instant at = Instant.now().minus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.SECONDS);
    jdbc.update(
        "INSERT INTO notification_outbox (target_kind, target, notice_key, notice, state,"
            + " next_attempt_at, created_at, updated_at) VALUES ('ACCOUNT', '3300000001', ?, 'n1',"
            + " 'PENDING', ?, ?, ?)",
        "figures:" + UUID.randomUUID(),
        Timestamp.from(at.plus(Duration.ofDays(3650))),
        Timestamp.from(at),
        Timestamp.from(at));

    // when
    NoticeFigures figures = reports.notices(Instant.now(), 1);

    // then
    assertThat(figures.outboxPending()).isEqualTo(before + 1);
    assertThat(figures.outboxOldest()).isBeforeOrEqualTo(at);
  }

  @Test
  void a_limit_out_of_range_is_refused() {
    assertThatThrownBy(() -> reports.notices(Instant.now(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reports.notices(Instant.now(), 501))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void delivery(String user, String state, String error, Instant at) {
    jdbc.update(
        "INSERT INTO notification_delivery (channel, channel_user_id, notice_key, kind, state,"
            + " attempts, last_error, created_at, updated_at, sent_at)"
            + " VALUES ('wechat', ?, ?, 'outage', ?, 1, ?, ?, ?, ?)",
        user,
        "figures:" + user,
        state,
        error,
        Timestamp.from(at),
        Timestamp.from(at),
        "SENT".equals(state) ? Timestamp.from(at) : null);
  }
}
