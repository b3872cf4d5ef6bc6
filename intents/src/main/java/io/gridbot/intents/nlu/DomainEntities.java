package io.gridbot.intents.nlu;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.TextNormalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Entity extractors of the electricity domain. */
public final class DomainEntities {

  /** A customer number (户号): 10 or 13 digits not part of a longer number; value: the digits. */
  public static final String ACCOUNT_NO = "account_no";

  /** A free-text address; value: the address without spaces, see {@link AddressExtractor}. */
  public static final String ADDRESS = "address";

  /** A service of the catalogue; value: a {@link BusinessType} name such as {@code TRANSFER}. */
  public static final String BUSINESS_TYPE = "business_type";

  /** An alert type; value: a {@link NoticeType#value()} such as {@code low_balance}. */
  public static final String NOTICE_TYPE = "notice_type";

  static final String BUSINESS_TYPES = "/io/gridbot/intents/nlu/entities/business_types.tsv";
  static final String NOTICE_TYPES = "/io/gridbot/intents/nlu/entities/notice_types.tsv";

  private DomainEntities() {}

  /**
   * The domain's extractors: account numbers, addresses, business types and notice types. The list
   * and its extractors are built once (dictionaries read, HanLP's conversion table loaded) and
   * shared; they are immutable and thread-safe.
   *
   * @throws ExceptionInInitializerError on first use if a bundled dictionary is missing or
   *     malformed (an {@link IllegalStateException} names the file and line); the tests catch that
   */
  public static List<EntityExtractor> extractors() {
    return Shared.EXTRACTORS;
  }

  /** A new extractor of {@link #ACCOUNT_NO}. */
  public static EntityExtractor accountNumbers() {
    return new AccountNoExtractor();
  }

  /** A new extractor of {@link #BUSINESS_TYPE}; reads {@code entities/business_types.tsv}. */
  public static EntityExtractor businessTypes() {
    return DictionaryExtractor.fromResource(BUSINESS_TYPE, BUSINESS_TYPES, BusinessType.codes());
  }

  /** A new extractor of {@link #NOTICE_TYPE}; reads {@code entities/notice_types.tsv}. */
  public static EntityExtractor noticeTypes() {
    return DictionaryExtractor.fromResource(NOTICE_TYPE, NOTICE_TYPES, NoticeType.entityValues());
  }

  private static final class Shared {
    static final List<EntityExtractor> EXTRACTORS =
        List.of(accountNumbers(), new AddressExtractor(), businessTypes(), noticeTypes());
  }

  /**
   * Account numbers: 10 or 13 digits (full-width too), or the same digits grouped by four with
   * spaces or dashes ({@code 3300 0000 01}, {@code 3300-0000-0000-1}). Not: part of a longer number
   * or code (13812345678, an 18-digit ID, {@code 1234567890.5}, {@code SN1234567890}), an amount
   * ({@code ￥3300000001}, {@code 3300000001元}), a number introduced as something else (手机号, 订单号,
   * 身份证…), or a +86 mobile number ({@code 8613812345678}) unless introduced as 户号.
   */
  private static final class AccountNoExtractor implements EntityExtractor {

    private static final Pattern NUMBER =
        Pattern.compile(
            // a plain run of digits, touched by no other digit, letter or decimal point
            "(?=[0-9])(?:(?<![0-9A-Za-z+¥￥$])(?<![0-9]\\.)(?<plain>[0-9]{13}|[0-9]{10})(?![0-9A-Za-z])(?!\\.[0-9])"
                // grouped by four: no further group of digits before or after
                + "|(?<![0-9A-Za-z+¥￥$])(?<![0-9][ .-])"
                + "(?<grouped>[0-9]{4}(?<a>[ -])[0-9]{4}\\k<a>[0-9]{4}\\k<a>[0-9]"
                + "|[0-9]{4}(?<b>[ -])[0-9]{4}\\k<b>[0-9]{2})"
                + "(?![0-9A-Za-z])(?![ .-][0-9]))"
                // not an amount or a reading
                + "(?!\\s?(?:[元块圆角毛分度万千百亿%]|千瓦|(?i:kwh)))");

    private static final Pattern SEPARATORS = Pattern.compile("[ -]");

    private static final Pattern MOBILE_WITH_COUNTRY_CODE = Pattern.compile("861[3-9][0-9]{9}");

    /** How customers introduce their number. */
    private static final List<String> ACCOUNT_WORDS =
        List.of("户号", "户口号", "用户编号", "客户编号", "用户号", "客户号", "缴费号");

    /** Numbers introduced as anything else are not account numbers. */
    private static final List<String> OTHER_NUMBER_WORDS =
        List.of(
            "手机", "手机号", "手机号码", "电话", "电话号码", "座机", "订单", "订单号", "单号", "流水号", "交易号", "身份证", "身份证号",
            "身份证号码", "证件号", "证件号码", "卡号", "银行卡", "验证码", "qq", "qq号", "微信号", "发票号", "发票号码", "税号",
            "申请号", "受理号", "申请编号", "工单编号", "业务编号");

    @Override
    public List<Entity> extract(String text, Instant at) {
      if (text == null || text.isEmpty()) {
        return List.of();
      }
      String normalised = TextNormalizer.toHalfWidth(text);
      if (digitCount(normalised) < 10) {
        return List.of();
      }
      List<Entity> found = new ArrayList<>();
      Matcher m = NUMBER.matcher(normalised);
      while (m.find()) {
        String group = m.group("plain") != null ? "plain" : "grouped";
        int start = m.start(group);
        int end = m.end(group);
        String digits = SEPARATORS.matcher(m.group(group)).replaceAll("");
        String introduction = introduction(normalised, start);
        if (endsWithAny(introduction, OTHER_NUMBER_WORDS)
            || (MOBILE_WITH_COUNTRY_CODE.matcher(digits).matches()
                && !endsWithAny(introduction, ACCOUNT_WORDS))) {
          continue;
        }
        found.add(new Entity(ACCOUNT_NO, digits, start, end, text.substring(start, end)));
      }
      return found;
    }

    private static int digitCount(String text) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= '0' && c <= '9') {
          count++;
        }
      }
      return count;
    }

    /** The few characters before a number, without the 是, colon or spaces that join them. */
    private static String introduction(String text, int start) {
      int end = start;
      while (end > 0 && " \t:：是为的".indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      return text.substring(Math.max(0, end - 6), end).toLowerCase(Locale.ROOT);
    }

    private static boolean endsWithAny(String text, List<String> words) {
      return words.stream().anyMatch(text::endsWith);
    }
  }
}
