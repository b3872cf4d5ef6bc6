package io.gridbot.channel.alipay;

/** A request to an Alipay endpoint that is malformed: refused with a 400 and nothing changes. */
class InvalidAlipayRequest extends RuntimeException {
  InvalidAlipayRequest(String message) {
    super(message);
  }
}
