package io.gridbot.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SafeXmlTest {

  @Test
  void readsTheFieldsOfAFlatMessageWithNestedText() {
    var fields =
        SafeXml.fields(
            "<XML><AppId><![CDATA[2021]]></AppId><FromUserId>2088</FromUserId>"
                + "<MsgType>text</MsgType><Text><Content><![CDATA[查余额]]></Content></Text></XML>");

    assertThat(fields)
        .containsEntry("AppId", "2021")
        .containsEntry("FromUserId", "2088")
        .containsEntry("Text", "查余额");
  }

  @Test
  void refusesDoctypeAndEntities() {
    assertThatThrownBy(
            () ->
                SafeXml.fields(
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<XML><Text>&e;</Text></XML>"))
        .isInstanceOf(InvalidAlipayRequest.class)
        .hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> SafeXml.fields("<!doctype XML><XML/>"))
        .isInstanceOf(InvalidAlipayRequest.class);
  }

  @Test
  void refusesMalformedAndEmptyXml() {
    assertThatThrownBy(() -> SafeXml.fields("<XML><AppId>1</XML>"))
        .isInstanceOf(InvalidAlipayRequest.class)
        .hasMessageContaining("well-formed");
    assertThatThrownBy(() -> SafeXml.fields("")).isInstanceOf(InvalidAlipayRequest.class);
  }
}
