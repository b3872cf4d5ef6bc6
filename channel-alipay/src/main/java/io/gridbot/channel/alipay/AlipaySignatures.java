package io.gridbot.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks of what Alipay signs. Gateway messages keep {@code sign_type} in the signed content
 * ({@code rsaCheckV2}); payment notifications leave it out ({@code rsaCheckV1}). Only RSA2 is
 * accepted. The SDK's checks remove keys from the map they are given, so they get a copy.
 */
final class AlipaySignatures {

  private AlipaySignatures() {}

  /**
   * Whether a gateway message's parameters carry Alipay's valid RSA2 signature (key: bare base64).
   */
  static boolean gatewayMessage(Map<String, String> params, String alipayPublicKey) {
    if (!signedWithRsa2(params)) {
      return false;
    }
    try {
      return AlipaySignature.rsaCheckV2(
          new HashMap<>(params), alipayPublicKey, charset(params), "RSA2");
    } catch (AlipayApiException | RuntimeException e) {
      return false;
    }
  }

  /** Whether a payment notification carries Alipay's valid RSA2 signature. */
  static boolean notification(Map<String, String> params, String alipayPublicKey) {
    if (!signedWithRsa2(params)) {
      return false;
    }
    try {
      return AlipaySignature.rsaCheckV1(
          new HashMap<>(params), alipayPublicKey, charset(params), "RSA2");
    } catch (AlipayApiException | RuntimeException e) {
      return false;
    }
  }

  private static boolean signedWithRsa2(Map<String, String> params) {
    String sign = params.get("sign");
    return sign != null && !sign.isBlank() && "RSA2".equals(params.get("sign_type"));
  }

  private static String charset(Map<String, String> params) {
    String charset = params.get("charset");
    return charset == null || charset.isBlank() ? "UTF-8" : charset.strip();
  }
}
