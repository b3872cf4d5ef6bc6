package io.gridbot.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormBodyTest {

  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void decodesAGbkFormByItsOwnCharsetField() {
    String body =
        "service=alipay.mobile.public.message.notify&charset=GBK&biz_content="
            + URLEncoder.encode("<XML><Text>我要交电费</Text></XML>", GBK);

    var fields = FormBody.parse(body.getBytes(StandardCharsets.US_ASCII));

    assertThat(fields)
        .containsEntry("charset", "GBK")
        .containsEntry("biz_content", "<XML><Text>我要交电费</Text></XML>");
  }

  @Test
  void defaultsToUtf8AndKeepsTheFirstOfRepeatedFields() {
    String body = "a=" + URLEncoder.encode("电费", StandardCharsets.UTF_8) + "&a=2&b";

    assertThat(FormBody.parse(body.getBytes(StandardCharsets.US_ASCII)))
        .containsEntry("a", "电费")
        .containsEntry("b", "");
  }

  @Test
  void refusesBrokenEscapesAndUnknownCharsets() {
    assertThatThrownBy(() -> FormBody.parse("a=%G1".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidAlipayRequest.class);
    assertThatThrownBy(
            () -> FormBody.parse("charset=nope-9&a=1".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidAlipayRequest.class);
  }
}
