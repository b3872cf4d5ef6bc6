package io.gridbot.channel.wechat.pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WeChatPaySettingsTest {

  @Test
  void disabledNeedsNothing() {
    WeChatPaySettings settings = WeChatPaySettings.disabled();

    assertThat(settings.enabled()).isFalse();
    assertThat(settings.payBaseUrl()).isEqualTo("https://api.mch.weixin.qq.com");
    assertThat(settings.expireAfter()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.maxBodyBytes()).isEqualTo(64 * 1024);
    assertThat(settings.refundNotifyUrl()).isNull();
    assertThat(settings.refundFollowAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void enabledWithoutItsSettingsNamesEachProblem() {
    assertThatThrownBy(
            () ->
                new WeChatPaySettings(
                    true,
                    "12",
                    null,
                    "short",
                    "not a key",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "ftp://proxy",
                    "mailto:refunds",
                    Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mch-id")
        .hasMessageContaining("app-id")
        .hasMessageContaining("api-v3-key")
        .hasMessageContaining("merchant-private-key")
        .hasMessageContaining("platform-public-key-id")
        .hasMessageContaining("notify-url")
        .hasMessageContaining("page-base-url")
        .hasMessageContaining("http-proxy")
        .hasMessageContaining("refund-notify-url")
        .hasMessageContaining("refund-follow-after");
  }

  @Test
  void generatedKeysAreReadAndSecretsNeverPrinted() {
    PayFixture fixture = new PayFixture();
    WeChatPaySettings settings = fixture.settings(null);

    assertThat(settings.privateKey().getAlgorithm()).isEqualTo("RSA");
    assertThat(settings.platformKey()).isEqualTo(fixture.platform.getPublic());
    assertThat(settings.toString())
        .doesNotContain(fixture.apiV3Key)
        .doesNotContain(settings.merchantPrivateKey().substring(40, 80))
        .contains(PayFixture.MCH_ID);
  }

  @Test
  void timeExpireIsRfc3339InChinaTime() {
    assertThat(PayHost.rfc3339(java.time.Instant.parse("2026-11-27T02:15:30.700Z")))
        .isEqualTo("2026-11-27T10:15:30+08:00");
  }
}
