package io.gridbot.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlipayKeysTest {

  static AlipaySettings settings(TestKeys app, String alipayPublicKey) {
    return new AlipaySettings(
        "2021000000000001",
        app.privateKey(),
        alipayPublicKey,
        null,
        null,
        "https://gridbot.example.cn/alipay/notify",
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void derivesTheAppPublicKeyFromThePrivateKey() {
    TestKeys app = TestKeys.generate();

    assertThat(AlipayKeys.publicKeyOf(app.privateKey())).isEqualTo(app.publicKey());
    assertThat(new AlipayKeys(settings(app, TestKeys.generate().publicKey()), true).appPublicKey())
        .isEqualTo(app.publicKey());
  }

  @Test
  void prodRefusesTheAppsOwnPublicKeyAsAlipays() {
    TestKeys app = TestKeys.generate();

    assertThatThrownBy(() -> new AlipayKeys(settings(app, app.publicKey()), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("application's own public key");
    assertThat(new AlipayKeys(settings(app, app.publicKey()), false).appPublicKey())
        .isEqualTo(app.publicKey());
  }

  @Test
  void refusesKeysThatAreNotKeys() {
    TestKeys app = TestKeys.generate();
    assertThatThrownBy(() -> new AlipayKeys(settings(app, "bm90IGEga2V5"), false))
        .hasMessageContaining("alipay-public-key");
    assertThatThrownBy(() -> AlipayKeys.publicKeyOf("bm90IGEga2V5"))
        .hasMessageContaining("app-private-key");
  }

  @Test
  void settingsNeedKeysAndNotifyUrlOnlyWhenEnabled() {
    AlipaySettings off =
        new AlipaySettings(
            "", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null);
    assertThat(off.enabled()).isFalse();
    assertThat(off.gatewayUrl()).isEqualTo(AlipaySettings.DEFAULT_GATEWAY);

    assertThatThrownBy(
            () ->
                new AlipaySettings(
                    "2021000000000001",
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
                    null,
                    null,
                    null))
        .hasMessageContaining("app-private-key")
        .hasMessageContaining("alipay-public-key")
        .hasMessageContaining("notify-url");
    assertThat(settings(TestKeys.generate(), "x").toString()).doesNotContain("MII");
  }

  @Test
  void refundsAreFollowedAfterTwoMinutesByDefaultAndNeverSoonerThanAlipayAllows() {
    assertThat(settings(TestKeys.generate(), "x").refundFollowAfter())
        .isEqualTo(java.time.Duration.ofMinutes(2));
    assertThatThrownBy(
            () ->
                new AlipaySettings(
                    "",
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
                    null,
                    null,
                    java.time.Duration.ofSeconds(5)))
        .hasMessageContaining("refund-follow-after");
  }
}
