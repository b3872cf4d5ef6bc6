package io.gridbot.dialog.nlu.entity;

/**
 * The parts of a day a customer may name, with the hours they stand for (start inclusive, end
 * exclusive; 24 is the next midnight).
 */
enum DateTimeDayPart {
  /** 凌晨 00-06. */
  EARLY_MORNING(0, 6),
  /** 早上, 早晨, 清晨, 今早/明早 06-09. */
  MORNING(6, 9),
  /** 上午 08-12. */
  FORENOON(8, 12),
  /** 中午 11-13. */
  NOON(11, 13),
  /** 下午 13-18. */
  AFTERNOON(13, 18),
  /** 傍晚 17-19. */
  DUSK(17, 19),
  /** 晚上, 晚间, 夜里, 夜间, 今晚/明晚/昨晚, 今夜 18-24. */
  EVENING(18, 24),
  /** 半夜, 深夜, 午夜 00-03. */
  MIDNIGHT(0, 3);

  final int startHour;
  final int endHour;

  DateTimeDayPart(int startHour, int endHour) {
    this.startHour = startHour;
    this.endHour = endHour;
  }

  /** The part a word names: a period word (下午) or the second character of 今晚, 明早. */
  static DateTimeDayPart of(String word) {
    return switch (word) {
      case "凌晨" -> EARLY_MORNING;
      case "早上", "早晨", "清晨", "早" -> MORNING;
      case "上午" -> FORENOON;
      case "中午" -> NOON;
      case "下午" -> AFTERNOON;
      case "傍晚" -> DUSK;
      case "晚上", "晚间", "夜里", "夜间", "晚", "夜" -> EVENING;
      case "半夜", "深夜", "午夜" -> MIDNIGHT;
      default -> throw new IllegalArgumentException("not a part of the day: " + word);
    };
  }

  /**
   * The hour after midnight of the day meant by "{@code hour}点" said in this part of the day: 下午3点
   * is 15, 晚上12点 is 24 (the next midnight), 晚上1点 is 25 (1 am the next day), 凌晨12点 is 0.
   */
  int clockHour(int hour) {
    return switch (this) {
      case AFTERNOON, DUSK -> hour < 12 ? hour + 12 : hour;
      case EVENING -> hour <= 4 ? hour + 24 : hour < 12 ? hour + 12 : hour == 12 ? 24 : hour;
      case NOON -> hour >= 1 && hour <= 4 ? hour + 12 : hour;
      case EARLY_MORNING, MIDNIGHT -> hour == 12 ? 0 : hour;
      case MORNING, FORENOON -> hour;
    };
  }

  /** The hour of "{@code hour}点" said without a part of the day: 1 to 6 mean the afternoon. */
  static int bareClockHour(int hour) {
    return hour >= 1 && hour <= 6 ? hour + 12 : hour;
  }
}
