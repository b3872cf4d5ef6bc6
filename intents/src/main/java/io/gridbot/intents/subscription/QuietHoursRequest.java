package io.gridbot.intents.subscription;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a message the NLU read as subscribing or unsubscribing is really about quiet hours, and
 * what it asks. Read from the words, in this order: a time of day with "don't send" or 免打扰 sets a
 * window; cancelling 免打扰 or "notify me at any hour" turns quiet hours off; "back to the default"
 * resets them; a question shows them; 免打扰 or "not at night" without times turns them on.
 */
enum QuietHoursRequest {
  /** "晚上10点到早上7点别给我发消息", "免打扰改成23点到6点", "晚上九点以后不要推送了" (or an unclear window). */
  SET,
  /** "取消免打扰", "什么时候都可以通知我", "晚上也可以发". */
  OFF,
  /** "免打扰恢复默认". */
  DEFAULT,
  /** "我的免打扰是几点", "晚上几点以后不推送". */
  SHOW,
  /** "夜里不要打扰我", "开启免打扰": the night is quiet unless they turned it off. */
  ON;

  private static final String QUIET = "(免打扰|勿扰|静音时段)";
  private static final String NEGATION = "(别|不要|不用|不想|莫|不许|不准|甭|勿|不再|不能|停止|不)";
  private static final String SEND = "(发|推|通知|提醒|吵|响|打扰|打电话)";
  private static final String NIGHT = "(夜里|夜间|夜晚|晚上|晚间|半夜|深夜|大半夜|睡觉|休息的时候|晚)";

  /** "别给我发", "不要推送", "别再打扰我", "不想被打扰". */
  private static final Pattern DONT_SEND =
      Pattern.compile(NEGATION + "(再|要)?(被|来)?(给我|跟我|向我|给俺|帮我)?" + SEND);

  /** "别在晚上发", "不要半夜给我打扰". */
  private static final Pattern NOT_AT_NIGHT =
      Pattern.compile("(别|不要|不想|莫)(在)?" + NIGHT + "(给我)?(再)?" + SEND);

  /** "早上8点以后再发": only after that hour. */
  private static final Pattern SEND_LATER = Pattern.compile("(以后|之后|过后|后)(再|才)(给我)?(发|推|通知|提醒)");

  private static final Pattern CANCEL_QUIET =
      Pattern.compile(
          "(取消|关闭|关掉|关了|去掉|解除|停用|撤销|不要|不用|不需要|删除|删掉)(了)?(这个|那个)?(夜间)?"
              + QUIET
              + "|"
              + QUIET
              + "(功能|模式|时间|时段|设置)?(给我)?(取消|关闭|关掉|关了|去掉|解除|停用|撤销|不要了|不用了|不需要了|删除|删掉)");

  /** "什么时候都可以通知我", "晚上也可以发", "几点都行", "24小时都能推送". */
  private static final Pattern ANY_HOUR =
      Pattern.compile(
          "(什么时候|啥时候|任何时候|任何时间|不管几点|不论几点|无论几点|几点|全天|24小时|二十四小时|一天到晚|白天晚上|白天黑夜|"
              + NIGHT
              + ".{0,4}?)(都|也)(要|想)?((可以|能|行|没事|没关系|无所谓|照常)|(给我)?(发|推|通知|提醒|告诉)|(收到|接收|收))");

  private static final Pattern BACK_TO_DEFAULT =
      Pattern.compile("(恢复|改回|还原|回到|设回|用回|换回|调回)(成|到|为)?(默认|原来|原样|原先|以前的|出厂)|默认的?(就行|就好|就可以|吧)");

  private static final Pattern QUESTION =
      Pattern.compile(
          QUIET
              + ".*(几点|多久|什么时候|啥时候|什么时间|哪个时间|哪段时间|多长|是多少|查|看看|看一下|是什么|是啥|怎么设置的|设的是|设置的是|怎样|怎么样|如何|吗|么|\\?)"
              + "|(几点|什么时候|啥时候|什么时间)(以后|之后|开始|到几点)?(就)?(不|别)(会)?(给我)?(再)?"
              + SEND);

  private static final Pattern CHANGE =
      Pattern.compile(QUIET + ".*(改|换|调|修改|更改|变)|(改|换|调|修改|更改)" + QUIET);

  private static final Pattern QUIET_WORD = Pattern.compile(QUIET);
  private static final Pattern NIGHT_WORD = Pattern.compile(NIGHT);

  /** Day-time rest or parts of the day: a window is asked for ("午休的时候别发", "下午不要推送"). */
  private static final Pattern DAYTIME = Pattern.compile("(午休|午睡|睡午觉|白天|上午|中午|下午|傍晚)");

  /**
   * What {@code text} asks about quiet hours.
   *
   * @return empty when it is not about quiet hours (e.g. "别再给我发停电通知了")
   */
  static Optional<QuietHoursRequest> of(String text) {
    String t = QuietWindow.normalize(text).toLowerCase(java.util.Locale.ROOT);
    boolean quietWord = QUIET_WORD.matcher(t).find();
    boolean dontSend = DONT_SEND.matcher(t).find() || NOT_AT_NIGHT.matcher(t).find();
    if (QuietWindow.mentionsTime(t) && (quietWord || dontSend || SEND_LATER.matcher(t).find())) {
      return Optional.of(SET);
    }
    if (CANCEL_QUIET.matcher(t).find() || ANY_HOUR.matcher(t).find()) {
      return Optional.of(OFF);
    }
    if (quietWord && BACK_TO_DEFAULT.matcher(t).find()) {
      return Optional.of(DEFAULT);
    }
    if (QUESTION.matcher(t).find()) {
      return Optional.of(SHOW);
    }
    if (CHANGE.matcher(t).find() || (DAYTIME.matcher(t).find() && dontSend)) {
      return Optional.of(SET);
    }
    if (quietWord || (NIGHT_WORD.matcher(t).find() && dontSend)) {
      return Optional.of(ON);
    }
    return Optional.empty();
  }
}
