package io.gridbot.dialog.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.dialog.tracker.Event;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ReplyTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

  private static List<Reply> everyKind() {
    return List.of(
        Reply.text("您好"),
        Reply.options("选哪个？", List.of("甲", "乙")),
        new Reply.Link("请支付电费", "去支付", "https://pay.example.com/o/1"),
        new Reply.Card("11月账单", List.of("电量 120 度", "电费 60.00 元"), "https://example.com/b/1"),
        new Reply.Card("工单", List.of("已受理"), null),
        new Reply.Image("https://example.com/qr.png", "付款码"),
        new Reply.Image(PNG, "付款码"));
  }

  @Test
  void everyKindRoundTripsAsAListOfReplies() {
    // given
    TypeReference<List<Reply>> type = new TypeReference<>() {};
    List<Reply> replies = everyKind();

    // when
    String stored = JSON.writerFor(type).writeValueAsString(replies);

    // then
    assertThat(JSON.readValue(stored, type)).isEqualTo(replies);
    assertThat(stored).contains("\"type\":\"options\"", "\"type\":\"card\"", "\"type\":\"image\"");
  }

  @Test
  void everyKindRoundTripsInsideABotUtteranceWithItsTemplate() {
    // given
    TypeReference<List<Event>> type = new TypeReference<>() {};
    List<Event> events =
        everyKind().stream()
            .map(r -> (Event) new Event.BotUttered(r, "tpl." + r.getClass().getSimpleName()))
            .toList();

    // when
    String stored = JSON.writerFor(type).writeValueAsString(events);

    // then
    List<Event> read = JSON.readValue(stored, type);
    assertThat(read).isEqualTo(events);
    assertThat(((Event.BotUttered) read.get(1)).template()).isEqualTo("tpl.Options");
  }

  @Test
  void everyKindHasAPlainTextForm() {
    assertThat(Reply.text("您好").asText()).isEqualTo("您好");
    assertThat(Reply.options("选哪个？", List.of("甲", "乙")).asText()).isEqualTo("选哪个？\n1. 甲\n2. 乙");
    assertThat(new Reply.Link("请支付电费", "去支付", "https://pay.example.com/o/1").asText())
        .isEqualTo("请支付电费\n去支付：https://pay.example.com/o/1");
    assertThat(
            new Reply.Card("账单", List.of("电量 120 度", "电费 60.00 元"), "https://example.com/b")
                .asText())
        .isEqualTo("账单\n电量 120 度\n电费 60.00 元\nhttps://example.com/b");
    assertThat(new Reply.Card("工单", List.of(), null).asText()).isEqualTo("工单");
    assertThat(new Reply.Image("https://example.com/qr.png", "付款码").asText())
        .isEqualTo("付款码：https://example.com/qr.png");
    assertThat(new Reply.Image(PNG, "付款码").asText())
        .as("a data URI is no use as text")
        .isEqualTo("付款码");
  }

  @Test
  void scriptUrlsAreRefusedEverywhere() {
    String script = "javascript:alert(1)";
    assertThatThrownBy(() -> new Reply.Link("t", "去", script))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Card("t", List.of(), script))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Image(script, "alt"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataImagesAreAllowedOnlyAsImages() {
    assertThat(new Reply.Image(PNG, "码").url()).isEqualTo(PNG);
    assertThatThrownBy(() -> new Reply.Link("t", "去", PNG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Card("t", List.of(), PNG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Image("data:text/html,<script>x</script>", "alt"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overlongAndRelativeUrlsAreRefused() {
    String tooLong = "https://example.com/" + "a".repeat(2048);
    assertThatThrownBy(() -> new Reply.Link("t", "去", tooLong))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Link("t", "去", "/pay/1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Reply.Link("t", "去", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void optionsNeedAtLeastOneOption() {
    assertThatThrownBy(() -> Reply.options("选？", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
