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
}
