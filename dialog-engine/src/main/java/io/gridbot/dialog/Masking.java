package io.gridbot.dialog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides personal data in replies and logs: names 张*, phones 138****0001, customer numbers
 * 3300****01. Values shorter than what a rule needs are hidden whole.
 */
public final class Masking {

  // customers type full-width digits on Chinese keyboards, and group a mobile's digits 3-4-4
  private static final String DIGIT = "[0-9０-９]";
  private static final Pattern MOBILE =
      Pattern.compile("(?<!D)[1１][3-9３-９]D[ -]?D{4}[ -]?D{4}(?!D)".replace("D", DIGIT));

  /** Mainland ID numbers: 18 characters (the last may be X) or the old 15 digits. */
  private static final Pattern ID_NUMBER =
      Pattern.compile("(?<!D)(D{17}[DXx]|D{15})(?!D)".replace("D", DIGIT));

  /** Landlines with an area code: 0571-87654321, 010 12345678. */
  private static final Pattern LANDLINE =
      Pattern.compile("(?<!D)0D{2,3}[ -]D{7,8}(?!D)".replace("D", DIGIT));

  private static final Pattern ACCOUNT =
      Pattern.compile("(?<!D)(D{10}|D{13})(?!D)".replace("D", DIGIT));

  private Masking() {}

  /** 张三 → 张*, 欧阳娜娜 → 欧***. */
  public static String name(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String n = name.strip();
    int first = n.offsetByCodePoints(0, 1);
    return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
  }

  /** 13800000001 → 138****0001; landlines keep their last four digits. */
  public static String phone(String phone) {
    if (phone == null) {
      return "";
    }
    String p = phone.strip();
    if (p.length() == 11 && p.chars().allMatch(Character::isDigit)) {
      return p.substring(0, 3) + "****" + p.substring(7);
    }
    return p.length() <= 4 ? "****" : "****" + p.substring(p.length() - 4);
  }

  /** 3300000001 → 3300****01. */
  public static String account(String account) {
    if (account == null) {
      return "";
    }
    String a = account.strip();
    if (a.length() < 8) {
      return "****";
    }
    return a.substring(0, 4) + "****" + a.substring(a.length() - 2);
  }

  /** Free text with every ID number, phone number and customer number in it masked. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String masked = replace(ID_NUMBER, text, Masking::idNumber);
    masked = replace(MOBILE, masked, Masking::phone);
    masked = replace(LANDLINE, masked, Masking::phone);
    return replace(ACCOUNT, masked, Masking::account);
  }

  /** 330106199001011234 → 3301**********1234: region kept, birth date hidden. */
  public static String idNumber(String id) {
    if (id == null || id.strip().length() < 8) {
      return "****";
    }
    String i = id.strip();
    return i.substring(0, 4) + "*".repeat(i.length() - 8) + i.substring(i.length() - 4);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
