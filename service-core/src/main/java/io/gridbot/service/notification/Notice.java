package io.gridbot.service.notification;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a customer should be told, independent of channel and recipient.
 *
 * @param kind what it is about: one of {@link #KINDS}
 * @param key identifies this notice so that nobody gets it twice, e.g. {@code outage:42:published}
 *     or {@code ticket:R20261127001:DISPATCHED}
 * @param title a short title (a WeChat template message's first line, an SMS prefix)
 * @param text the full text, in Chinese, as the customer reads it
 * @param urgent urgent notices ignore quiet hours (an outage starting now, a fault update)
 * @param data structured values for channels that render their own layout (account, times, ids)
 */
public record Notice(
    String kind, String key, String title, String text, boolean urgent, Map<String, String> data) {

  /**
   * The kinds of notice; subscriptions name the same kinds. {@code campaign} (offers, tips,
   * activities) reaches only users who opted in to it.
   */
  public static final java.util.Set<String> KINDS =
      java.util.Set.of(
          "low_balance", "arrears", "outage", "monthly_bill", "progress", "payment", "campaign");

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:_\\-.]{1,128}");

  public Notice {
    Objects.requireNonNull(kind, "kind");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown notice kind " + kind);
    }
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("notice key must be 1-128 of [A-Za-z0-9:_-.]: " + key);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
    data = data == null ? Map.of() : Map.copyOf(data);
  }
}
