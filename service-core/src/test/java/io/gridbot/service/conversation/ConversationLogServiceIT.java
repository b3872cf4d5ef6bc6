package io.gridbot.service.conversation;

import static io.gridbot.service.TestData.newUser;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. */
@SpringBootTest
@ActiveProfiles("it")
class ConversationLogServiceIT {

  private static final Instant AT = Instant.parse("2026-11-27T09:00:00Z");

  @Autowired ConversationLogService conversationLog;
  @Autowired JdbcTemplate jdbc;

  @Test
  void records_and_returns_the_history_oldest_first() {
    // given
    ChannelUser user = newWechatUser();
    conversationLog.record(
        ConversationLogEntry.of(
            user, Direction.IN, "m-1", "查电费", "query_bill", new BigDecimal("0.87654"), AT));
    conversationLog.record(
        ConversationLogEntry.of(
            user, Direction.OUT, null, "您上月电费86.40元", null, null, AT.plusSeconds(1)));

    // when
    List<ConversationLogEntry> history = conversationLog.history("wechat", user.userId(), 20);

    // then
    assertThat(history)
        .extracting(ConversationLogEntry::direction, ConversationLogEntry::text)
        .containsExactly(tuple(Direction.IN, "查电费"), tuple(Direction.OUT, "您上月电费86.40元"));
    assertThat(history.get(0).confidence()).isEqualTo(new BigDecimal("0.8765"));
    assertThat(conversationLog.history("alipay", user.userId(), 20)).isEmpty();
  }

  @Test
  void history_returns_the_latest_entries() {
    // given
    ChannelUser user = newUser("web");
    List<ConversationLogEntry> entries = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      entries.add(
          ConversationLogEntry.of(
              user, Direction.IN, null, "消息" + i, null, null, AT.plusSeconds(i)));
    }
    conversationLog.recordAll(entries);

    // when
    List<ConversationLogEntry> latest = conversationLog.history("web", user.userId(), 5);

    // then
    assertThat(latest)
        .extracting(ConversationLogEntry::text)
        .containsExactly("消息25", "消息26", "消息27", "消息28", "消息29");
  }

  @Test
  void record_all_writes_all_entries_or_none() {
    // given more entries than one INSERT holds, the last of which the database refuses
    ChannelUser user = newWechatUser();
    List<ConversationLogEntry> entries = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      entries.add(ConversationLogEntry.of(user, Direction.IN, null, "ok " + i, null, null, AT));
    }
    entries.add(ConversationLogEntry.of(user, Direction.IN, null, "refused", null, null, AT));
    jdbc.execute(
        "ALTER TABLE conversation_log ADD CONSTRAINT ck_test_refused CHECK (text <> 'refused')");
    try {
      // when
      assertThatThrownBy(() -> conversationLog.recordAll(entries))
          .isInstanceOf(DataIntegrityViolationException.class);
    } finally {
      jdbc.execute("ALTER TABLE conversation_log DROP CONSTRAINT ck_test_refused");
    }

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM conversation_log WHERE channel_user_id = ?",
                Integer.class,
                user.userId()))
        .isZero();

    // and without the refused entry all are written
    conversationLog.recordAll(entries.subList(0, 450));
    assertThat(conversationLog.history("wechat", user.userId(), 1000)).hasSize(450);
  }

  @Test
  void record_all_of_nothing_does_nothing() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM conversation_log", Integer.class);

    assertThatNoException().isThrownBy(() -> conversationLog.recordAll(List.of()));

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM conversation_log", Integer.class))
        .isEqualTo(before);
  }

  @Test
  void history_rejects_a_malformed_user_or_limit() {
    assertThatThrownBy(() -> conversationLog.history("WeChat", "u", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> conversationLog.history("wechat", "u", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> conversationLog.history("wechat", "u", 1001))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
