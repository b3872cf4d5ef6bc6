package io.gridbot.service.outage;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member of staff as the back office identifies them in history rows ({@code actor} columns).
 *
 * @param value 1 to 48 ASCII letters, digits, {@code _ . -}; not {@code customer} or {@code
 *     system}, which name the other actors of a history
 * @throws IllegalArgumentException if the value is null, malformed or reserved
 */
public record StaffId(String value) {

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_.-]{1,48}");
  private static final Set<String> RESERVED = Set.of("customer", "system");

  public StaffId {
    if (value == null || !WELL_FORMED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "staff id must be 1 to 48 of [A-Za-z0-9_.-], got " + value);
    }
    if (RESERVED.contains(value)) {
      throw new IllegalArgumentException("staff id must not be the reserved actor " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
