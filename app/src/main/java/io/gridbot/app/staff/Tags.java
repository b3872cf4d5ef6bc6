package io.gridbot.app.staff;

import io.gridbot.service.tag.CustomerTag;
import java.util.Arrays;

/** Reads customer tags from staff requests. */
final class Tags {

  private Tags() {}

  /**
   * The tag named exactly like one of {@link CustomerTag}.
   *
   * @throws InvalidField naming {@code field} if the name is missing or unknown
   */
  static CustomerTag parse(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new InvalidField(field, "is required, one of " + known());
    }
    return Arrays.stream(CustomerTag.values())
        .filter(tag -> tag.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new InvalidField(field, "unknown tag, expected one of " + known()));
  }

  private static String known() {
    return Arrays.toString(CustomerTag.values());
  }
}
