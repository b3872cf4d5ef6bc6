package io.gridbot.service.outage;

import java.util.regex.Pattern;

/**
 * A supply area code such as {@code CN-330106-017}, or a prefix of one such as {@code CN-330106}
 * that stands for every area beneath it. Accounts carry the full code; outages name prefixes.
 *
 * @param value 1 to 32 ASCII letters, digits and hyphens; compared as given (no case folding)
 * @throws IllegalArgumentException if the value is null or malformed (this also keeps SQL {@code
 *     LIKE} wildcards out of prefix matching)
 */
public record AreaCode(String value) {

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{1,32}");

  public AreaCode {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "area code must be 1 to 32 ASCII letters, digits or hyphens, got " + value);
    }
  }

  /** Whether this code, read as a prefix, covers {@code area}: {@code CN-3301} covers itself. */
  public boolean covers(AreaCode area) {
    return area.value.startsWith(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
