package io.gridbot.channel.alipay;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the form posted to an Alipay endpoint, at most {@value #MAX_BODY} bytes. */
final class RequestBodies {

  /** The largest body taken: 64 KiB. */
  static final int MAX_BODY = 64 * 1024;

  private RequestBodies() {}

  /**
   * The posted form's fields.
   *
   * @throws BodyTooLarge when the body is over {@value #MAX_BODY} bytes
   * @throws InvalidAlipayRequest when it is not a form
   */
  static Map<String, String> form(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw new BodyTooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw new BodyTooLarge();
    }
    if (body.length == 0 && !request.getParameterMap().isEmpty()) {
      // a filter read the form already: take the container's decoding
      Map<String, String> fields = new LinkedHashMap<>();
      request.getParameterMap().forEach((k, v) -> fields.put(k, v.length == 0 ? "" : v[0]));
      return fields;
    }
    return FormBody.parse(body);
  }

  /** A body over the limit: refused with a 413. */
  static final class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super("request body over " + MAX_BODY + " bytes");
    }
  }
}
