package io.gridbot.channel.alipay;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlipaySignaturesTest {

  /**
   * The public key of the certificate the SDK's own RSACheckTest verifies with
   * (appCertPublicKey_2019091767145019.crt in alipay-sdk-java-all's test fixtures).
   */
  static final String SDK_TEST_PUBLIC_KEY =
      "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjuWo0SEz7Oa6h927DFEL8d4BxhbVLX9iahEQXvURXZu3jF7F"
          + "yzSneE8YTEzUhe6vscRl9zWOyr7tTaSFGg0RWxp0FkyxU9O1zdqK6IdY3+BSJJvi4z+GcBFBJS3UzuYRfGklHPSR"
          + "YmxJSqNzHYGi+7TRwYVshkZe/8fzpDMF8+lF32oBPfSt9KJlvcKO2J5UxOrrTCZYh13z/WtmkbL4QRcEYaRc5CgZ"
          + "MGBReh9AjPCtaKABM23/42DHrS440x4lMuTVFij7UX9XaJY2CwQKqFTrbzeJDpJyOZSGs5VW6HbRM5JoXHbFzM0L"
          + "ULDmo/6Ea0hOdi4YhMNXFKGjWT7ThQIDAQAB";

  /** The SDK's RSA2 vector (RSACheckTest.should_pass_rsa_check_when_sign_type_is_rsa2). */
  static Map<String, String> sdkVector() {
    Map<String, String> p = new HashMap<>();
    p.put("method", "koubei.marketing.data.indicator.query");
    p.put("app_id", "2019090366875133");
    p.put("sign_type", "RSA2");
    p.put(
        "sign",
        "JzoDc8VxY1/w6yN9WdWV10aipS3YcRpK+jw4xfLybf90ZK9L3AHLUJbNLWVnHW3IuLoJbBeSGVxSbPBhe4ggPklc"
            + "YUkPowgtlZ6YlthuQDtjF23h2obXuXkQRd+RPbDWvOA5AYQjsKH8uSHil5aRARewPIPhukl9Mn4HEovUccsBR/"
            + "RirQFSGmGYiMM0zvhVSR7pXZDEhiADzvzAkvVVTI1/HbNqcoBU4ctSPAGsuDPO/mah1+IwGQAuPP6xoEPL+3zQ0"
            + "wztQCwHT2o8aQmxFJ9a09q8ybRprHaNjCgTaLDeTWE0o1pllZIE8c7wnG3cOuj6quYjTcQyLm6P4M87Zw==");
    return p;
  }

  @Test
  void theSdkVectorPassesTheGatewayCheckAndLeavesTheMapAlone() {
    Map<String, String> params = sdkVector();

    assertThat(AlipaySignatures.gatewayMessage(params, SDK_TEST_PUBLIC_KEY)).isTrue();
    assertThat(params).containsKeys("sign", "sign_type").hasSize(4);
  }

  @Test
  void theSdkVectorFailsTheNotificationCheckWhichLeavesOutSignType() {
    assertThat(AlipaySignatures.notification(sdkVector(), SDK_TEST_PUBLIC_KEY)).isFalse();
  }

  @Test
  void aChangedParameterOrAnotherKeyFails() {
    Map<String, String> tampered = sdkVector();
    tampered.put("app_id", "2019090366875134");
    assertThat(AlipaySignatures.gatewayMessage(tampered, SDK_TEST_PUBLIC_KEY)).isFalse();
    assertThat(AlipaySignatures.gatewayMessage(sdkVector(), TestKeys.generate().publicKey()))
        .isFalse();
  }

  @Test
  void onlyRsa2IsAccepted() {
    Map<String, String> rsa = sdkVector();
    rsa.put("sign_type", "RSA");
    assertThat(AlipaySignatures.gatewayMessage(rsa, SDK_TEST_PUBLIC_KEY)).isFalse();
    Map<String, String> unsigned = sdkVector();
    unsigned.remove("sign");
    assertThat(AlipaySignatures.gatewayMessage(unsigned, SDK_TEST_PUBLIC_KEY)).isFalse();
  }

  @Test
  void aNotificationSignedWithAlipaysKeyPasses() throws Exception {
    TestKeys alipay = TestKeys.generate();
    Map<String, String> notify = new HashMap<>();
    notify.put("app_id", "2021000000000001");
    notify.put("out_trade_no", "P1");
    notify.put("total_amount", "100.00");
    notify.put("charset", "utf-8");
    notify.put("subject", "电费缴纳");
    String content = AlipaySignature.getSignCheckContentV1(notify);
    notify.put("sign", AlipaySignature.rsa256Sign(content, alipay.privateKey(), "utf-8"));
    notify.put("sign_type", "RSA2");

    assertThat(AlipaySignatures.notification(notify, alipay.publicKey())).isTrue();
    assertThat(notify).containsKey("sign");
  }
}
