package io.gridbot.service.application;

/** Masks personal data for logs. */
final class Pii {

  private Pii() {}

  /** The first character of a name, then one {@code *}: {@code 张*}. */
  static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return "*";
    }
    return name.substring(0, Character.charCount(name.codePointAt(0))) + "*";
  }

  /** First three and last four characters: {@code 138****5678}. */
  static String maskPhone(String phone) {
    if (phone == null || phone.length() < 8) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
