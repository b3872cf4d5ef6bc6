package io.gridbot.channel.alipay;

/**
 * A call to Alipay that did not succeed: the platform refused it ({@code code}/{@code subCode} set)
 * or could not be reached ({@code code} {@code NETWORK}).
 */
class AlipayCallFailed extends RuntimeException {

  private final String code;
  private final String subCode;

  AlipayCallFailed(String method, String code, String subCode, String message, Throwable cause) {
    super(
        method + " failed: " + code + (subCode == null ? "" : "/" + subCode) + " " + message,
        cause);
    this.code = code;
    this.subCode = subCode;
  }

  String code() {
    return code;
  }

  String subCode() {
    return subCode;
  }

  /** Whether trying again later may succeed: network trouble, Alipay busy, a rate limit. */
  boolean retryable() {
    if ("NETWORK".equals(code) || "20000".equals(code) || "20001".equals(code)) {
      return true;
    }
    String sub = subCode == null ? "" : subCode.toUpperCase(java.util.Locale.ROOT);
    return sub.startsWith("ISP.")
        || sub.contains("SYSTEM_ERROR")
        || sub.contains("LIMIT")
        || sub.contains("BUSY")
        || sub.contains("TIMEOUT");
  }
}
