package io.gridbot.dialog.nlu.entity;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds mainland Chinese phone numbers as {@value #ENTITY} entities. The value of a mobile number
 * is its 11 digits ({@code 13812345678}); of a fixed line, the area code with its leading 0
 * followed by the local number ({@code 057188888888}).
 *
 * <p>Numbers are recognised by libphonenumber (valid numbers only, so 12345678901 is none) in the
 * forms customers type: 13812345678, 138-1234-5678, 138 1234 5678, +86 138 1234 5678,
 * 8613812345678, (0571)88888888, 0571-88888888, in full-width digits, or inside a sentence. An
 * extension (转123) is left out of the span. Spoken-style runs of eleven or more Chinese digits
 * (一三八一二三四五六七八, 幺 for 1) are read as digits.
 *
 * <p>Not phones: account numbers (10 digits such as 3302158890, including those libphonenumber
 * would take for a fixed line without its 0, and 13 digits), numbers inside longer digit runs (ID
 * card numbers), masked or partial numbers (手机尾号1234), service numbers (95598, 400 and 800 numbers)
 * and foreign numbers.
 *
 * <p>Thread-safe and stateless. {@link #extract} never throws: any input it cannot read yields no
 * phone.
 */
public final class PhoneExtractor implements EntityExtractor {

  /** The entity name. */
  public static final String ENTITY = "phone";

  private static final int CHINA = 86;
  private static final String REGION = "CN";

  /** Every complete number has at least 11 digits: 138…, 010 + 8, 0571 + 7 or 8. */
  private static final int MIN_DIGITS = 11;

  private static final String CHINESE_DIGITS = "零一二三四五六七八九";

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  /** Creates the extractor; it holds no per-call state and may be shared. */
  public PhoneExtractor() {}

  /**
   * The phone numbers in {@code text}, in order of appearance.
   *
   * @param text the message; null or empty yields no phone
   * @param at ignored: phone numbers do not depend on time
   */
  @Override
  public List<Entity> extract(String text, Instant at) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return find(text);
  }

  List<Entity> find(String text) {
    String s = normalise(text);
    if (digitCount(s) < MIN_DIGITS) {
      return List.of(); // the common case, and much cheaper than libphonenumber's scan
    }
    List<Entity> found = new ArrayList<>(1);
    for (PhoneNumberMatch match : phones.findNumbers(s, REGION, Leniency.VALID, Long.MAX_VALUE)) {
      String value = value(match);
      if (value != null) {
        found.add(
            new Entity(
                ENTITY,
                value,
                match.start(),
                match.end(),
                text.substring(match.start(), match.end())));
      }
    }
    return found;
  }

  /** The normalised value of a customer's phone number, or null for anything else. */
  private String value(PhoneNumberMatch match) {
    PhoneNumber number = match.number();
    if (number.getCountryCode() != CHINA) {
      return null;
    }
    PhoneNumberType type = phones.getNumberType(number);
    String national = phones.getNationalSignificantNumber(number);
    String value =
        switch (type) {
          case MOBILE -> national;
          case FIXED_LINE, FIXED_LINE_OR_MOBILE ->
              national.startsWith("1") && national.length() == 11 ? national : "0" + national;
          default -> null; // 400/800 service numbers, VoIP, pagers
        };
    if (value == null) {
      return null;
    }
    // libphonenumber accepts a fixed line written without its trunk 0 (2012345678 as 020-12345678),
    // which is how 10-digit account numbers look: the digits written must be the full number.
    String written = digitsOf(match.rawString());
    return written.equals(value)
            || written.equals("86" + national)
            || written.equals("86" + value)
            || written.equals("0086" + national)
            || written.equals("0086" + value)
        ? value
        : null;
  }

  /**
   * Full-width forms to ASCII, and runs of at least eleven Chinese digits to Arabic ones; same
   * length, so offsets stay valid.
   */
  private static String normalise(String text) {
    char[] chars = TextNormalizer.toHalfWidth(text).toCharArray();
    int run = 0;
    for (int i = 0; i <= chars.length; i++) {
      if (i < chars.length && chineseDigit(chars[i]) >= 0) {
        run++;
        continue;
      }
      if (run >= MIN_DIGITS) {
        for (int j = i - run; j < i; j++) {
          chars[j] = (char) ('0' + chineseDigit(chars[j]));
        }
      }
      run = 0;
    }
    return new String(chars);
  }

  private static int chineseDigit(char c) {
    if (c == '幺') {
      return 1;
    }
    if (c == '〇') {
      return 0;
    }
    return CHINESE_DIGITS.indexOf(c);
  }

  private static int digitCount(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }

  private static String digitsOf(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
