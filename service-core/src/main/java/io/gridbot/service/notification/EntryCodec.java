package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link QueueEntry} into one string and back, for a Redis stream field or sorted-set
 * member: {@code v1&ch=wechat&uid=...&kind=...&key=...&title=...&text=...&urgent=0&at=<millis>}
 * followed by {@code &d.<name>=<value>} per data value, every part URL-encoded (UTF-8), so any text
 * (Chinese, {@code &}, {@code =}, newlines) survives. A notice alone (the outbox keeps it until its
 * recipients are known) is {@code n1&kind=...&key=...} with the same notice fields.
 */
final class EntryCodec {

  private static final String VERSION = "v1";
  private static final String NOTICE_VERSION = "n1";

  private EntryCodec() {}

  static String encode(QueueEntry entry) {
    Notice notice = entry.notice();
    StringBuilder out = new StringBuilder(VERSION);
    append(out, "ch", entry.recipient().channel());
    append(out, "uid", entry.recipient().userId());
    appendNotice(out, notice);
    append(out, "at", Long.toString(entry.enqueuedAt().toEpochMilli()));
    appendData(out, notice);
    return out.toString();
  }

  static String encodeNotice(Notice notice) {
    StringBuilder out = new StringBuilder(NOTICE_VERSION);
    appendNotice(out, notice);
    appendData(out, notice);
    return out.toString();
  }

  /**
   * @throws IllegalArgumentException if the text is not an encoded notice
   */
  static Notice decodeNotice(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> data = new LinkedHashMap<>();
    parse(encoded, NOTICE_VERSION, fields, data);
    try {
      return notice(fields, data);
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("incomplete notice", e);
    }
  }

  private static void appendNotice(StringBuilder out, Notice notice) {
    append(out, "kind", notice.kind());
    append(out, "key", notice.key());
    append(out, "title", notice.title());
    append(out, "text", notice.text());
    append(out, "urgent", notice.urgent() ? "1" : "0");
  }

  private static void appendData(StringBuilder out, Notice notice) {
    notice.data().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> append(out, "d." + e.getKey(), e.getValue()));
  }

  /**
   * @throws IllegalArgumentException if the text is not an encoded entry
   */
  static QueueEntry decode(String encoded) {
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, String> data = new LinkedHashMap<>();
    parse(encoded, VERSION, fields, data);
    try {
      Notice notice = notice(fields, data);
      return new QueueEntry(
          new ChannelUser(fields.get("ch"), fields.get("uid")),
          notice,
          Instant.ofEpochMilli(Long.parseLong(fields.get("at"))));
    } catch (NullPointerException | NumberFormatException e) {
      throw new IllegalArgumentException("incomplete queue entry", e);
    }
  }

  private static void parse(
      String encoded, String version, Map<String, String> fields, Map<String, String> data) {
    if (encoded == null || !encoded.startsWith(version + "&")) {
      throw new IllegalArgumentException("not an encoded " + version + " value");
    }
    for (String part : encoded.substring(version.length() + 1).split("&")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("malformed queue entry field");
      }
      String name = decodePart(part.substring(0, eq));
      String value = decodePart(part.substring(eq + 1));
      if (name.startsWith("d.")) {
        data.put(name.substring(2), value);
      } else {
        fields.put(name, value);
      }
    }
  }

  private static Notice notice(Map<String, String> fields, Map<String, String> data) {
    return new Notice(
        fields.get("kind"),
        fields.get("key"),
        fields.get("title"),
        fields.get("text"),
        "1".equals(fields.get("urgent")),
        data);
  }

  private static void append(StringBuilder out, String name, String value) {
    out.append('&')
        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static String decodePart(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
