package io.gridbot.channel.alipay;

import java.time.Duration;
import java.util.Map;

/** Settings of the channel against a stand-in gateway, for tests. */
final class AlipayFixture {

  static final String APP_ID = "2021000000000001";
  static final String SELLER_ID = "2088000000000001";

  private AlipayFixture() {}

  /**
   * The app's keys, the stand-in's public key as Alipay's, the gateway at {@code gatewayBaseUrl},
   * short timeouts, the defaults otherwise.
   */
  static AlipaySettings settings(TestKeys app, TestKeys alipay, String gatewayBaseUrl) {
    return new AlipaySettings(
        APP_ID,
        app.privateKey(),
        alipay.publicKey(),
        gatewayBaseUrl + "/gateway.do",
        SELLER_ID,
        "https://gridbot.test/alipay/notify",
        null,
        Map.of(),
        null,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
