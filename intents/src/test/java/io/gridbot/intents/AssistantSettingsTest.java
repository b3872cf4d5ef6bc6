package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssistantSettingsTest {

  @Test
  void urlsAreFilledFromTheirTemplates() {
    AssistantSettings settings =
        new AssistantSettings(
            "https://x.cn/pay/{outTradeNo}?v=1", "https://x.cn/i/{invoiceNo}", null);

    assertThat(settings.payUrl("P1")).isEqualTo("https://x.cn/pay/P1?v=1");
    assertThat(settings.invoiceUrl("E1")).isEqualTo("https://x.cn/i/E1");
    assertThat(AssistantSettings.defaults().payUrl("P1")).isEqualTo("http://localhost:8080/pay/P1");
  }

  @Test
  void urlsWithoutTheirPlaceholderOrNotHttpAreRefused() {
    assertThatThrownBy(() -> new AssistantSettings("https://x.cn/pay", null, null))
        .hasMessageContaining("pay-url");
    assertThatThrownBy(() -> new AssistantSettings(null, "ftp://x.cn/{invoiceNo}", null))
        .hasMessageContaining("invoice-url");
  }

  @Test
  void aChannelWithItsOwnPaymentPageGetsItOthersTheDefault() {
    AssistantSettings settings =
        new AssistantSettings(
            "https://x.cn/pay/{outTradeNo}",
            null,
            java.util.Map.of("wechat", "https://x.cn/wx/pay/{outTradeNo}"));

    assertThat(settings.payUrl("wechat", "P1")).isEqualTo("https://x.cn/wx/pay/P1");
    assertThat(settings.payUrl("web", "P1")).isEqualTo("https://x.cn/pay/P1");
    assertThat(settings.payUrl(null, "P1")).isEqualTo("https://x.cn/pay/P1");
    assertThatThrownBy(
            () -> new AssistantSettings(null, null, java.util.Map.of("wechat", "https://x.cn/wx")))
        .hasMessageContaining("pay-urls.wechat");
  }
}
