package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssistantSettingsTest {

  @Test
  void urlsAreFilledFromTheirTemplates() {
    AssistantSettings settings =
        new AssistantSettings("https://x.cn/pay/{outTradeNo}?v=1", "https://x.cn/i/{invoiceNo}");

    assertThat(settings.payUrl("P1")).isEqualTo("https://x.cn/pay/P1?v=1");
    assertThat(settings.invoiceUrl("E1")).isEqualTo("https://x.cn/i/E1");
    assertThat(AssistantSettings.defaults().payUrl("P1")).isEqualTo("http://localhost:8080/pay/P1");
  }

  @Test
  void urlsWithoutTheirPlaceholderOrNotHttpAreRefused() {
    assertThatThrownBy(() -> new AssistantSettings("https://x.cn/pay", null))
        .hasMessageContaining("pay-url");
    assertThatThrownBy(() -> new AssistantSettings(null, "ftp://x.cn/{invoiceNo}"))
        .hasMessageContaining("invoice-url");
  }

  @Test
  void aChannelWithItsOwnPayPageGetsItOthersTheCommonOne() {
    AssistantSettings settings =
        new AssistantSettings(
            "https://x.cn/pay/{outTradeNo}",
            null,
            java.util.Map.of("alipay", "https://x.cn/alipay/pay/{outTradeNo}"));

    assertThat(settings.payUrl("P1", "alipay")).isEqualTo("https://x.cn/alipay/pay/P1");
    assertThat(settings.payUrl("P1", "web")).isEqualTo("https://x.cn/pay/P1");
    assertThatThrownBy(
            () ->
                new AssistantSettings(
                    null, null, java.util.Map.of("alipay", "https://x.cn/alipay/pay")))
        .hasMessageContaining("pay-urls.alipay");
  }
}
