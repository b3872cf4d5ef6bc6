package io.gridbot.dialog.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.nlu.Entity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class TrackerTest {

  private static final ConversationId ID = new ConversationId("wechat", "oABC123456789");

  @Test
  void stateIsDerivedFromEvents() {
    Tracker t =
        Tracker.empty(ID)
            .with(
                List.of(
                    new Event.UserUttered("交100元", "m1", "pay", 0.9, List.of(), Instant.EPOCH),
                    new Event.FormActivated("pay_form"),
                    new Event.SlotSet("amount", "100"),
                    new Event.BotUttered(Reply.text("确认吗？"))));
    assertThat(t.activeForm()).contains("pay_form");
    assertThat(t.slot("amount")).contains("100");
    assertThat(t.latestMessage().orElseThrow().intent()).isEqualTo("pay");
    assertThat(t.repliesSinceLatestMessage()).extracting(Reply::asText).containsExactly("确认吗？");

    Tracker ended = t.with(List.of(new Event.FormDeactivated()));
    assertThat(ended.activeForm()).isEmpty();
    assertThat(ended.slot("amount")).isEmpty();
    assertThat(t.slot("amount")).as("the earlier tracker is unchanged").contains("100");
  }

  @Test
  void slotSetToNullClearsIt() {
    Tracker t =
        Tracker.empty(ID).with(List.of(new Event.SlotSet("a", "1"), new Event.SlotSet("a", null)));
    assertThat(t.slot("a")).isEmpty();
  }

  @Test
  void eventsRoundTripThroughJson() {
    JsonMapper json = JsonMapper.builder().build();
    List<Event> events =
        List.of(
            new Event.UserUttered(
                "绑定户号3300000001",
                "m1",
                "bind_account",
                0.87,
                List.of(new Entity("account_no", "3300000001", 4, 14, "3300000001")),
                Instant.parse("2026-11-27T03:00:00Z")),
            new Event.ActionExecuted("a"),
            new Event.FormActivated("f"),
            new Event.SlotSet("s", "v"),
            new Event.BotUttered(new Reply.Options("选哪个？", List.of("甲", "乙"))),
            new Event.FormDeactivated(),
            new Event.ConversationRestarted());
    TypeReference<List<Event>> type = new TypeReference<>() {};
    String text = json.writerFor(type).writeValueAsString(events);
    assertThat(json.readValue(text, type)).isEqualTo(events);
  }

  private static Event.UserUttered said(String text, String id) {
    return new Event.UserUttered(text, id, "chitchat", 0.9, List.of(), Instant.EPOCH);
  }

  /** A form run with slots, then {@code turns} turns of a message and a reply. */
  private static Tracker longConversation(int turns) {
    List<Event> events = new java.util.ArrayList<>();
    events.add(new Event.SlotSet("session_user", "u-1"));
    events.add(new Event.FormActivated("pay_form", "run-1"));
    events.add(new Event.SlotSet("account", "3300000001"));
    events.add(new Event.SlotSet(Tracker.REQUESTED_SLOT, "amount"));
    for (int i = 1; i <= turns; i++) {
      events.add(said("第" + i + "句", "m" + i));
      events.add(new Event.ActionExecuted("answer"));
      events.add(new Event.BotUttered(Reply.text("答" + i)));
    }
    return Tracker.of(ID, events);
  }

  @Test
  void compactionKeepsSlotsActiveFormAndLatestMessage() {
    // given
    Tracker full = longConversation(40);

    // when
    Tracker compact = full.compacted(10);

    // then
    assertThat(compact.events()).hasSizeLessThan(20);
    assertThat(compact.slots()).isEqualTo(full.slots());
    assertThat(compact.activeForm()).contains("pay_form");
    assertThat(compact.activeFormId()).contains("run-1");
    assertThat(compact.latestMessage()).isEqualTo(full.latestMessage());
    assertThat(compact.repliesSinceLatestMessage())
        .extracting(Reply::asText)
        .containsExactly("答40");
  }

  @Test
  void compactionKeepsTheLatestMessageEvenBeyondTheTail() {
    // given a latest message followed by more replies than the tail keeps
    List<Event> replies = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      replies.add(new Event.BotUttered(Reply.text("通知" + i)));
    }
    Tracker full = longConversation(10).with(replies);

    // when
    Tracker compact = full.compacted(5);

    // then
    assertThat(compact.latestMessage().map(Event.UserUttered::messageId)).contains("m10");
    assertThat(compact.repliesSinceLatestMessage()).hasSize(5);
    assertThat(compact.slots()).isEqualTo(full.slots());
  }

  @Test
  void compactionOfACompactedTrackerKeepsTheState() {
    Tracker once = longConversation(40).compacted(10);
    Tracker twice = once.with(longConversation(40).events().subList(4, 70)).compacted(10);

    assertThat(twice.slots()).isEqualTo(once.slots());
    assertThat(twice.activeFormId()).contains("run-1");
    assertThat(twice.latestMessage().map(Event.UserUttered::messageId)).contains("m22");
  }

  @Test
  void shortTrackerIsNotCompacted() {
    Tracker t = longConversation(3);
    assertThat(t.compacted(10)).isSameAs(t);
  }
}
