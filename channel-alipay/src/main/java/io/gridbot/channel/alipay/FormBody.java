package io.gridbot.channel.alipay;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body decoded in the charset it names in its own
 * {@code charset} field (the service window posts GBK without saying so in the content type),
 * defaulting to UTF-8.
 */
final class FormBody {

  private FormBody() {}

  /**
   * The fields of {@code body}; a repeated field keeps its first value.
   *
   * @throws InvalidAlipayRequest when the body is not a well-formed form or names an unknown
   *     charset
   */
  static Map<String, String> parse(byte[] body) {
    String ascii = new String(body, StandardCharsets.ISO_8859_1);
    Charset charset = StandardCharsets.UTF_8;
    for (String pair : ascii.split("&")) {
      if (pair.startsWith("charset=")) {
        String name = pair.substring("charset=".length()).strip();
        try {
          charset = name.isEmpty() ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          throw new InvalidAlipayRequest("unknown charset " + name);
        }
      }
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : ascii.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), charset);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), charset);
      fields.putIfAbsent(name, value);
    }
    return fields;
  }

  /** Percent-decodes bytes given as ISO-8859-1 characters, then reads them in {@code charset}. */
  private static String decode(String part, Charset charset) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= part.length()) {
          throw new InvalidAlipayRequest("malformed percent escape in the form");
        }
        int hi = Character.digit(part.charAt(i + 1), 16);
        int lo = Character.digit(part.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new InvalidAlipayRequest("malformed percent escape in the form");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return new String(bytes.toByteArray(), charset);
  }
}
