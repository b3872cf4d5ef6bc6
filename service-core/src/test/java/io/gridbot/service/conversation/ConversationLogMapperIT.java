package io.gridbot.service.conversation;

import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@ActiveProfiles("it")
@Transactional
class ConversationLogMapperIT {

  // whole seconds: MySQL Connector/J drops fractions of a second when it talks to MariaDB
  private static final Instant AT = Instant.parse("2026-11-27T01:02:03Z");

  @Autowired ConversationLogMapper log;
  @Autowired JdbcTemplate jdbc;

  @Test
  void insert_writes_every_column() {
    // given
    ChannelUser user = newWechatUser();
    ConversationLogEntry in =
        ConversationLogEntry.of(
            user,
            Direction.IN,
            "24100000001",
            "我家停电了😭",
            "report_outage",
            new BigDecimal("0.9312"),
            AT);
    ConversationLogEntry out =
        ConversationLogEntry.of(user, Direction.OUT, null, "请问您的户号是多少？", null, null, AT);

    // when
    log.insertAll(List.of(in, out));

    // then
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT channel, direction, message_id, text, intent, confidence, created_at"
                + " FROM conversation_log WHERE channel_user_id = ? ORDER BY id",
            user.userId());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("channel", "wechat")
        .containsEntry("direction", "IN")
        .containsEntry("message_id", "24100000001")
        .containsEntry("text", "我家停电了😭")
        .containsEntry("intent", "report_outage")
        .containsEntry("confidence", new BigDecimal("0.9312"))
        .containsEntry("created_at", LocalDateTime.of(2026, 11, 27, 1, 2, 3));
    assertThat(rows.get(1))
        .containsEntry("direction", "OUT")
        .containsEntry("message_id", null)
        .containsEntry("intent", null)
        .containsEntry("confidence", null);
  }

  @Test
  void reads_back_what_was_written() {
    // given
    ChannelUser user = newWechatUser();
    ConversationLogEntry entry =
        ConversationLogEntry.of(
            user, Direction.IN, "m-1", "电".repeat(2000), "query_bill", BigDecimal.ONE, AT);
    log.insertAll(List.of(entry));

    // when
    List<ConversationLogEntry> found = log.findLatest(user.channel(), user.userId(), 10);

    // then
    assertThat(found).containsExactly(entry);
  }

  @Test
  void latest_entries_oldest_first_with_ties_in_insertion_order() {
    // given
    ChannelUser user = newWechatUser();
    log.insertAll(
        List.of(
            entry(user, "third", AT.plusSeconds(2)),
            entry(user, "first", AT),
            entry(user, "second-a", AT.plusSeconds(1)),
            entry(user, "second-b", AT.plusSeconds(1))));
    log.insertAll(List.of(entry(newWechatUser(), "someone else", AT.plusSeconds(9))));

    // then
    assertThat(log.findLatest(user.channel(), user.userId(), 3))
        .extracting(ConversationLogEntry::text)
        .containsExactly("second-a", "second-b", "third");
    assertThat(log.findLatest(user.channel(), user.userId(), 100))
        .extracting(ConversationLogEntry::text)
        .containsExactly("first", "second-a", "second-b", "third");
  }

  private static ConversationLogEntry entry(ChannelUser user, String text, Instant at) {
    return ConversationLogEntry.of(user, Direction.IN, null, text, null, null, at);
  }
}
