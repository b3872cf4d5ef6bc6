package io.gridbot.channel.wechat.notify;

import io.gridbot.channel.wechat.WeChatSettings;
import io.gridbot.service.notification.Notice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a notice into the values of its configured template message. Plain data, no WxJava: the
 * sender builds the message from the result.
 *
 * <p>Which template: the one configured for {@code <kind>-<subject>}, where the subject is the
 * notice key's first part ({@code progress-ticket}, {@code progress-booking}, {@code
 * progress-application}), else the one for the kind ({@code monthly_bill}, {@code outage} ...).
 * Keys are compared ignoring case and everything but letters and digits, so {@code low_balance},
 * {@code low-balance} and {@code lowbalance} are one key. A template with a blank id counts as none
 * (an unset environment placeholder).
 *
 * <p>What fills a field: {@code title} or {@code text} (the notice's), a key of the notice's data,
 * {@code =literal} for a fixed text, or a pattern with {@code {key}} placeholders such as {@code
 * {date} {start}-{end}}. A data key the notice lacks gives {@code -}. Values are fitted to WeChat's
 * field types, named by the field's prefix: {@code time}/{@code date} fields get ISO instants and
 * dates written the Chinese way in China's time zone, and every value is clipped to its type's
 * limit ({@code thing} 20 characters, {@code phrase} 5, {@code character_string} 32, classic {@code
 * first}/{@code keyword1}/{@code remark} fields 200).
 */
final class TemplateRendering {

  /** The message to send. */
  record Rendered(String templateId, Map<String, String> values, String url) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
  private static final String MISSING = "-";
  private static final String NONE = "none";

  private final Map<String, WeChatSettings.Template> templates = new TreeMap<>();

  TemplateRendering(Map<String, WeChatSettings.Template> configured) {
    configured.forEach(
        (key, template) -> {
          if (template.templateId() != null && !template.templateId().isBlank()) {
            templates.put(normalize(key), template);
          }
        });
  }

  /** The template message for this notice, or empty if its kind has no template. */
  Optional<Rendered> render(Notice notice) {
    return template(notice).map(t -> render(t, notice));
  }

  Optional<WeChatSettings.Template> template(Notice notice) {
    String[] parts = notice.key().split(":");
    String subject = notice.kind() + "-" + parts[0];
    List<String> candidates =
        parts.length > 2
            ? List.of(subject + "-" + parts[2], subject, notice.kind())
            : List.of(subject, notice.kind());
    for (String candidate : candidates) {
      WeChatSettings.Template template = templates.get(normalize(candidate));
      if (template != null) {
        return NONE.equalsIgnoreCase(template.templateId().strip())
            ? Optional.empty()
            : Optional.of(template);
      }
    }
    return Optional.empty();
  }

  static Rendered render(WeChatSettings.Template template, Notice notice) {
    Map<String, String> values = new LinkedHashMap<>();
    new TreeMap<>(template.fields())
        .forEach((field, source) -> values.put(field, fieldValue(field, source, notice)));
    return new Rendered(template.templateId().strip(), values, url(template.url(), notice));
  }

  private static String fieldValue(String field, String source, Notice notice) {
    FieldType type = FieldType.of(field);
    String value;
    if (source == null || source.isBlank()) {
      value = MISSING;
    } else if (source.startsWith("=")) {
      value = source.substring(1);
    } else if (source.equals("title")) {
      value = notice.title();
    } else if (source.equals("text")) {
      value = notice.text();
    } else if (source.contains("{")) {
      value = fill(source, key -> type.format(notice.data().getOrDefault(key, MISSING)));
    } else {
      value = type.format(notice.data().getOrDefault(source.strip(), MISSING));
    }
    value = value.strip();
    return type.clip(value.isEmpty() ? MISSING : value);
  }

  /** The url with its placeholders filled (URL-encoded); null if it names data the notice lacks. */
  private static String url(String pattern, Notice notice) {
    if (pattern == null || pattern.isBlank()) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      if (!notice.data().containsKey(m.group(1))) {
        return null;
      }
    }
    return fill(pattern, key -> URLEncoder.encode(notice.data().get(key), StandardCharsets.UTF_8));
  }

  private static String fill(String pattern, java.util.function.UnaryOperator<String> value) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** WeChat's template field types, by the prefix of the field's name, and their limits. */
  enum FieldType {
    THING("thing", 20, true),
    CHARACTER_STRING("character_string", 32, false),
    NUMBER("number", 32, false),
    LETTER("letter", 32, false),
    SYMBOL("symbol", 5, false),
    AMOUNT("amount", 32, false),
    PHRASE("phrase", 5, false),
    NAME("name", 10, true),
    PHONE_NUMBER("phone_number", 17, false),
    CAR_NUMBER("car_number", 8, false),
    TIME("time", 32, false),
    DATE("date", 32, false),
    CLASSIC("", 200, true);

    private final String prefix;
    private final int limit;
    private final boolean ellipsis;

    FieldType(String prefix, int limit, boolean ellipsis) {
      this.prefix = prefix;
      this.limit = limit;
      this.ellipsis = ellipsis;
    }

    static FieldType of(String field) {
      String name = field.toLowerCase(Locale.ROOT);
      for (FieldType type : values()) {
        if (type != CLASSIC
            && name.startsWith(type.prefix)
            && isIndex(name, type.prefix.length())) {
          return type;
        }
      }
      return CLASSIC;
    }

    private static boolean isIndex(String name, int from) {
      return name.length() > from && name.substring(from).chars().allMatch(Character::isDigit);
    }

    /** Times and dates written as WeChat's time fields take them; other values unchanged. */
    String format(String value) {
      if (this != TIME && this != DATE) {
        return value;
      }
      try {
        return DAY_TIME.format(Instant.parse(value).atZone(TemplateQuota.CHINA));
      } catch (DateTimeParseException notInstant) {
        // try the next form
      }
      try {
        return DAY_TIME.format(LocalDateTime.parse(value));
      } catch (DateTimeParseException notDateTime) {
        // try the next form
      }
      try {
        return DAY.format(LocalDate.parse(value));
      } catch (DateTimeParseException notDate) {
        // try the next form
      }
      try {
        return MONTH.format(YearMonth.parse(value));
      } catch (DateTimeParseException notMonth) {
        return value;
      }
    }

    /** The value cut to this type's limit in characters (code points). */
    String clip(String value) {
      if (value.codePointCount(0, value.length()) <= limit) {
        return value;
      }
      if (ellipsis) {
        return value.substring(0, value.offsetByCodePoints(0, limit - 1)) + "…";
      }
      return value.substring(0, value.offsetByCodePoints(0, limit));
    }
  }
}
