package io.gridbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebMailboxTest {

  private final StateStore state = StateStores.inMemoryStateStore();
  private final WebMailbox mailbox = new WebMailbox(state);
  private final ConversationId session = new ConversationId("web", "session-1");

  @Test
  void messages_are_numbered_and_fetched_after_a_number() {
    // given
    mailbox.send(session, List.of(Reply.text("您好，我是客服小李"), Reply.text("请问您的户号？")));
    mailbox.send(session, List.of(new Reply.Options("选哪个？", List.of("甲", "乙"))));

    // when
    WebMailbox.Mail all = mailbox.after("session-1", 0);
    WebMailbox.Mail rest = mailbox.after("session-1", 2);
    WebMailbox.Mail none = mailbox.after("session-1", 3);

    // then
    assertThat(all.messages())
        .extracting(ReplyView::text)
        .containsExactly("您好，我是客服小李", "请问您的户号？", "选哪个？");
    assertThat(all.last()).isEqualTo(3);
    assertThat(rest.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.type()).isEqualTo("options");
              assertThat(m.options()).containsExactly("甲", "乙");
            });
    assertThat(none.messages()).isEmpty();
    assertThat(none.last()).isEqualTo(3);
    assertThat(mailbox.after("other-session", 0).messages()).isEmpty();
    assertThat(state.ttl("mailbox:web:session-1:1"))
        .hasValueSatisfying(t -> assertThat(t).isLessThanOrEqualTo(Duration.ofDays(1)));
  }

  @Test
  void a_fetch_stops_at_a_message_not_yet_stored() {
    // given a counter ahead of its message (a send in progress)
    mailbox.send(session, List.of(Reply.text("一")));
    state.increment("mailbox:web:session-1:last", Duration.ofDays(1));

    // when
    WebMailbox.Mail mail = mailbox.after("session-1", 0);

    // then
    assertThat(mail.messages()).extracting(ReplyView::text).containsExactly("一");
    assertThat(mail.last()).isEqualTo(1);
  }

  @Test
  void a_fetch_returns_at_most_fifty() {
    List<Reply> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add(Reply.text("第" + i + "条"));
    }
    mailbox.send(session, many);

    WebMailbox.Mail first = mailbox.after("session-1", 0);

    assertThat(first.messages()).hasSize(50);
    assertThat(first.last()).isEqualTo(50);
    assertThat(mailbox.after("session-1", first.last()).messages()).hasSize(10);
  }

  @Test
  void refuses_other_channels() {
    assertThatThrownBy(
            () -> mailbox.send(new ConversationId("wechat", "openid-1"), List.of(Reply.text("x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
