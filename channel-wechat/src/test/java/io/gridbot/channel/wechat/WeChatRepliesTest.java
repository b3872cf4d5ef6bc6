package io.gridbot.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.channel.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeChatRepliesTest {

  @Test
  void aTurnsRepliesBecomeOneMessageWithTappableLinks() {
    List<String> texts =
        WeChatReplies.texts(
            List.of(
                Reply.options("请选择户号：", List.of("3300****01", "3300****02")),
                new Reply.Link("订单已生成。", "去支付", "https://pay.example/wx/pay/P1"),
                new Reply.Card(
                    "2026年10月账单", List.of("电量 210度", "电费 113.40元"), "https://e.example/b"),
                new Reply.Image("data:image/png;base64,AAAA", "付款二维码")));

    assertThat(texts)
        .containsExactly(
            "请选择户号：\n1. 3300****01\n2. 3300****02\n\n"
                + "订单已生成。\n<a href=\"https://pay.example/wx/pay/P1\">去支付</a>\n\n"
                + "2026年10月账单\n电量 210度\n电费 113.40元\n<a href=\"https://e.example/b\">查看详情</a>\n\n"
                + "付款二维码");
  }

  @Test
  void nothingToSayIsNoMessage() {
    assertThat(WeChatReplies.texts(List.of())).isEmpty();
  }

  @Test
  void aLongTextIsCutAtLineBreaksAndNeverInsideALink() {
    String line = "电".repeat(90);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      text.append(line).append('\n');
    }
    text.append("<a href=\"https://pay.example/" + "x".repeat(100) + "\">去支付</a>");

    List<String> texts = WeChatReplies.texts(List.of(Reply.text(text.toString())));

    assertThat(texts)
        .hasSizeGreaterThan(1)
        .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(WeChatReplies.MAX_CHARS));
    assertThat(texts)
        .allSatisfy(
            t -> assertThat(t.split("<a ", -1).length).isEqualTo(t.split("</a>", -1).length));
    assertThat(String.join("\n", texts)).isEqualTo(text.toString());
  }
}
