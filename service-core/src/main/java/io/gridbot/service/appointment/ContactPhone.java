package io.gridbot.service.appointment;

import java.util.regex.Pattern;

/** Checks and masks contact phone numbers: a mainland mobile or a landline with area code. */
final class ContactPhone {

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

  private ContactPhone() {}

  static boolean isValid(String phone) {
    return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
  }

  /** First three and last four characters, e.g. {@code 138****5678}. */
  static String mask(String phone) {
    if (phone == null || phone.length() < 8) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }
}
