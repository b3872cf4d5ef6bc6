package io.gridbot.service.repair;

/**
 * A phone number the crew can call: a mobile ({@code 13800005678}) or a landline with area code
 * ({@code 057112345678}). Spaces, hyphens and a leading {@code +86} are dropped.
 *
 * @param value the digits, 7 to 20 of them after normalisation; personal data, log {@link
 *     #masked()}
 * @throws IllegalArgumentException if the value is null or not a phone number
 */
public record ContactPhone(String value) {

  public ContactPhone {
    if (value == null) {
      throw new IllegalArgumentException("contact phone must not be null");
    }
    String digits = value.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    if (!digits.matches("[0-9]{7,20}")) {
      throw new IllegalArgumentException(
          "contact phone must be 7 to 20 digits, got " + value.length() + " characters");
    }
    value = digits;
  }

  /** The number for logs: first three and last four digits, e.g. {@code 138****5678}. */
  public String masked() {
    return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return masked();
  }
}
