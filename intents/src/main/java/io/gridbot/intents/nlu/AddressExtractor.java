package io.gridbot.intents.nlu;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds free-text addresses as customers type them: {@code 幸福小区3栋2单元501}, {@code 解放路88号}, {@code
 * 滨江区江南大道1000号}, {@code 城关镇李家村5组}, {@code 人民医院对面}.
 *
 * <p>An address is a chain of named places (a name of at least two characters before a suffix such
 * as 小区, 路, 村, 区; a landmark such as 医院 only with a relation such as 对面), each optionally followed
 * by numbered units (3栋, 2单元, 501室, 3-2-501), or, on its own, at least two numbered units one of
 * which is a building, entrance or room ({@code 3栋2单元501}). Names are cut at function words and
 * leading verbs and time words are dropped ({@code 住在幸福小区} gives {@code 幸福小区}); names that are
 * generic words ({@code 我们小区}, {@code 马路}, {@code 电路}) are no address. The extractor prefers to
 * miss an address over grabbing half a sentence.
 *
 * <p>The value is the address with full-width forms as ASCII, traditional characters simplified and
 * whitespace removed, except that one space stays between two letters or digits ({@code 望京SOHO T1}
 * must not become {@code SOHOT1}); the span is the original text. Immutable and thread-safe.
 */
public final class AddressExtractor implements EntityExtractor {

  /** Longest address kept; longer chains are sentences, not addresses. */
  private static final int MAX_ADDRESS = 60;

  /** Longest place name before a suffix; longer runs without a function word are rejected. */
  private static final int MAX_NAME = 10;

  /** Whitespace, and whether letters or digits are on both sides of it. */
  private static final Pattern WHITESPACE =
      Pattern.compile("(?<=[0-9A-Za-z])(?<between>\\s+)(?=[0-9A-Za-z])|\\s+");

  private enum Kind {
    /** Roads take house numbers: 解放路88号. */
    ROAD,
    PLACE,
    /** Needs a relation (对面) or a place right before it. */
    LANDMARK
  }

  private record Suffix(String word, Kind kind, String notBefore) {}

  private static final List<Suffix> SUFFIXES =
      List.of(
          // roads: the next character rules out 路灯, 路线, 路过 …
          new Suffix("路", Kind.ROAD, "灯线费由面况途程径人过子牌标障"),
          new Suffix("路口", Kind.ROAD, ""),
          new Suffix("大道", Kind.ROAD, "理"),
          new Suffix("大街", Kind.ROAD, ""),
          new Suffix("街", Kind.ROAD, "坊头灯舞区"),
          new Suffix("巷", Kind.ROAD, "子战"),
          new Suffix("胡同", Kind.ROAD, ""),
          // residential and commercial places
          new Suffix("小区", Kind.PLACE, ""),
          new Suffix("花园", Kind.PLACE, ""),
          new Suffix("家园", Kind.PLACE, ""),
          new Suffix("苑", Kind.PLACE, ""),
          new Suffix("公寓", Kind.PLACE, ""),
          new Suffix("大厦", Kind.PLACE, ""),
          new Suffix("大楼", Kind.PLACE, ""),
          new Suffix("广场", Kind.PLACE, "舞"),
          new Suffix("新村", Kind.PLACE, ""),
          new Suffix("新城", Kind.PLACE, ""),
          new Suffix("山庄", Kind.PLACE, ""),
          new Suffix("社区", Kind.PLACE, ""),
          new Suffix("软件园", Kind.PLACE, ""),
          new Suffix("科技园", Kind.PLACE, ""),
          new Suffix("工业园", Kind.PLACE, ""),
          new Suffix("产业园", Kind.PLACE, ""),
          new Suffix("创业园", Kind.PLACE, ""),
          new Suffix("园区", Kind.PLACE, ""),
          new Suffix("村", Kind.PLACE, "民委长干子庄"),
          new Suffix("庄", Kind.PLACE, "稼重严家"),
          new Suffix("镇", Kind.PLACE, "定压静痛长"),
          new Suffix("乡", Kind.PLACE, "下镇亲音愁土村"),
          new Suffix("街道", Kind.PLACE, ""),
          // administrative divisions (省 only after a province name, see below)
          new Suffix("省", Kind.PLACE, ""),
          new Suffix("市", Kind.PLACE, "场民值面长政委价容级井"),
          new Suffix("区", Kind.PLACE, "别分域间块长"),
          new Suffix("县", Kind.PLACE, "城长委级"),
          // landmarks
          new Suffix("医院", Kind.LANDMARK, ""),
          new Suffix("卫生院", Kind.LANDMARK, ""),
          new Suffix("学校", Kind.LANDMARK, ""),
          new Suffix("小学", Kind.LANDMARK, ""),
          new Suffix("中学", Kind.LANDMARK, ""),
          new Suffix("大学", Kind.LANDMARK, ""),
          new Suffix("学院", Kind.LANDMARK, ""),
          new Suffix("幼儿园", Kind.LANDMARK, ""),
          new Suffix("公园", Kind.LANDMARK, ""),
          new Suffix("车站", Kind.LANDMARK, ""),
          new Suffix("地铁站", Kind.LANDMARK, ""),
          new Suffix("超市", Kind.LANDMARK, ""),
          new Suffix("银行", Kind.LANDMARK, ""),
          new Suffix("市场", Kind.LANDMARK, ""),
          new Suffix("菜市场", Kind.LANDMARK, ""),
          new Suffix("商场", Kind.LANDMARK, ""),
          new Suffix("酒店", Kind.LANDMARK, ""),
          new Suffix("宾馆", Kind.LANDMARK, ""),
          new Suffix("饭店", Kind.LANDMARK, ""),
          new Suffix("加油站", Kind.LANDMARK, ""),
          new Suffix("派出所", Kind.LANDMARK, ""),
          new Suffix("政府", Kind.LANDMARK, ""),
          new Suffix("变电站", Kind.LANDMARK, ""),
          new Suffix("供电所", Kind.LANDMARK, ""),
          new Suffix("电厂", Kind.LANDMARK, ""),
          new Suffix("体育馆", Kind.LANDMARK, ""),
          new Suffix("图书馆", Kind.LANDMARK, ""),
          new Suffix("电影院", Kind.LANDMARK, ""),
          new Suffix("大桥", Kind.LANDMARK, ""));

  /** Suffixes by first character, longest first. */
  private static final Map<Character, List<Suffix>> SUFFIXES_BY_FIRST = index(SUFFIXES);

  private static final List<String> PROVINCES =
      List.of(
          "黑龙江", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
          "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾");

  /** Where the user says the address is relative to a place: 人民医院对面. */
  private static final List<String> RELATIONS =
      longestFirst(
          "斜对面", "对面", "旁边", "附近", "门口", "大门口", "后面", "前面", "隔壁", "边上", "对过", "周边", "一带", "东侧",
          "西侧", "南侧", "北侧", "东边", "西边", "南边", "北边", "东门", "西门", "南门", "北门", "后门", "正门");

  /** Characters that never belong to a place name: a name starts after the last of them. */
  private static final String STOP_CHARS =
      "的了吗呢吧啊呀嘛么哦哈我你他她它们咱俺您住在是这那哪啥去到从把被请帮想要说问查找也就还又很没不个给让进条跟与及或但且并已才再用缴有";

  /** Words dropped from the start of a name: time words, verbs, vague places (住在 is cut anyway). */
  private static final Map<Character, List<String>> LEAD_WORDS = byFirstChar(leadWords());

  /** Generic words that are no place: whole (居民区) or as the last two characters (电路). */
  private static final Set<String> GENERIC =
      Set.of(
          // 路
          "电路",
          "线路",
          "道路",
          "马路",
          "公路",
          "铁路",
          "回路",
          "短路",
          "断路",
          "走路",
          "迷路",
          "一路",
          "半路",
          "思路",
          "出路",
          "网路",
          "水路",
          "带路",
          "开路",
          "上路",
          "让路",
          "问路",
          "过路",
          "修路",
          "来路",
          "去路",
          "顺路",
          "同路",
          "绕路",
          "退路",
          "套路",
          "门路",
          "弯路",
          "近路",
          "远路",
          "小路",
          "大路",
          "老路",
          "新路",
          "山路",
          "土路",
          "后路",
          "前路",
          "各路",
          "销路",
          "岔路",
          "陆路",
          "心路",
          "电路板",
          // 街 巷 胡同
          "逛街",
          "上街",
          "满街",
          "临街",
          "沿街",
          "过街",
          "当街",
          "老街",
          "小街",
          "一街",
          "条街",
          "小巷",
          "深巷",
          "街巷",
          "死胡同",
          // 村 镇 乡
          "村庄",
          "电庄",
          "坐庄",
          "做庄",
          "钱庄",
          "农村",
          "乡村",
          "山村",
          "渔村",
          "本村",
          "全村",
          "邻村",
          "外村",
          "同村",
          "该村",
          "各村",
          "度假村",
          "回村",
          "进村",
          "出村",
          "乡镇",
          "城镇",
          "小镇",
          "古镇",
          "本镇",
          "全镇",
          "重镇",
          "集镇",
          "坐镇",
          "该镇",
          "各镇",
          "城乡",
          "家乡",
          "老乡",
          "故乡",
          "同乡",
          "下乡",
          "回乡",
          "异乡",
          "他乡",
          "本乡",
          "全乡",
          "水乡",
          "梦乡",
          "思乡",
          "离乡",
          "返乡",
          "各乡",
          // 区 市 县
          "市区",
          "郊区",
          "山区",
          "景区",
          "园区",
          "厂区",
          "校区",
          "片区",
          "辖区",
          "地区",
          "灾区",
          "矿区",
          "林区",
          "牧区",
          "营区",
          "军区",
          "街区",
          "老区",
          "禁区",
          "误区",
          "分区",
          "专区",
          "展区",
          "赛区",
          "时区",
          "选区",
          "院区",
          "库区",
          "警区",
          "病区",
          "全区",
          "本区",
          "该区",
          "各区",
          "此区",
          "住区",
          "服务区",
          "居民区",
          "住宅区",
          "生活区",
          "办公区",
          "工业区",
          "商业区",
          "风景区",
          "保护区",
          "停车区",
          "营业区",
          "无人区",
          "城市",
          "超市",
          "门市",
          "股市",
          "夜市",
          "集市",
          "都市",
          "上市",
          "菜市",
          "早市",
          "黑市",
          "开市",
          "闹市",
          "楼市",
          "车市",
          "花市",
          "全市",
          "本市",
          "该市",
          "此市",
          "各市",
          "外市",
          "本县",
          "全县",
          "该县",
          "各县",
          "邻县",
          "外县",
          "区县",
          "市县",
          // places and landmarks
          "小区",
          "社区",
          "公寓",
          "大厦",
          "大楼",
          "广场",
          "花园",
          "家园",
          "新村",
          "新城",
          "街道",
          "后花园",
          "康庄大道",
          "阳关大道",
          "大街",
          "大道");

  /** Number units, longest first; the boolean marks a building, entrance or room. */
  private static final Map<String, Boolean> UNITS = new HashMap<>();

  private static final List<String> UNIT_WORDS;

  static {
    for (String strong : List.of("号楼", "栋", "幢", "座", "单元", "室")) {
      UNITS.put(strong, true);
    }
    for (String weak : List.of("号院", "楼", "层", "号", "组", "弄", "巷", "区", "期", "排", "队")) {
      UNITS.put(weak, false);
    }
    UNIT_WORDS = longestFirst(UNITS.keySet().toArray(String[]::new));
  }

  /** Units a letter may number: A座, B栋, C区. */
  private static final Set<String> LETTER_UNITS = Set.of("座", "栋", "幢", "区", "单元", "号楼", "楼", "期");

  /** After these a bare number is the room: 2单元501. */
  private static final Set<String> ROOM_AFTER = Set.of("栋", "幢", "号楼", "单元", "座", "楼", "层");

  /** A bare number followed by one of these is an amount, a date or a count, not a room. */
  private static final String NOT_ROOM = "元块角毛分度万千百个次天年月日点时米斤人户岁号%.";

  private static final String CHINESE_DIGITS = "一二三四五六七八九十两零〇百";

  /** What follows a number to say when or how much, dropped from a name right after digits. */
  private static final List<String> COUNTERS =
      longestFirst(
          "号楼", "单元", "号院", "小时", "点钟", "公里", "千瓦", "号", "栋", "幢", "座", "室", "楼", "层", "组", "期",
          "日", "月", "年", "点", "时", "分", "秒", "天", "元", "块", "度", "次", "户", "岁", "米", "弄", "巷", "区",
          "排", "队");

  /** Builds the extractor; all tables are static, so this is cheap. */
  public AddressExtractor() {}

  @Override
  public List<Entity> extract(String text, Instant at) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String s = DictionaryNormalizer.simplified(text);
    List<Place> places = places(s);
    List<int[]> spans = chains(s, places);
    spans.addAll(unitsOnly(s, spans));
    spans.sort(Comparator.comparingInt(span -> span[0]));
    List<Entity> found = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      String value = withoutSpaces(s.substring(span[0], span[1]));
      found.add(
          new Entity(
              DomainEntities.ADDRESS, value, span[0], span[1], text.substring(span[0], span[1])));
    }
    return found;
  }

  private static String withoutSpaces(String address) {
    Matcher m = WHITESPACE.matcher(address);
    StringBuilder sb = new StringBuilder(address.length());
    while (m.find()) {
      m.appendReplacement(sb, m.group("between") != null ? " " : "");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A named place: [start, end) holds its name, suffix and, for landmarks, the relation. */
  private static final class Place {
    final int start;
    int end;
    Kind kind;

    Place(int start, int end, Kind kind) {
      this.start = start;
      this.end = end;
      this.kind = kind;
    }
  }

  /** The named places, left to right; a name never reaches back into the previous place. */
  private static List<Place> places(String s) {
    List<Place> places = new ArrayList<>();
    int floor = 0;
    int p = 0;
    while (p < s.length()) {
      Suffix suffix = suffixAt(s, p);
      if (suffix == null) {
        p++;
        continue;
      }
      int end = p + suffix.word().length();
      if (end < s.length() && suffix.notBefore().indexOf(s.charAt(end)) >= 0) {
        p++;
        continue;
      }
      Place last = places.isEmpty() ? null : places.get(places.size() - 1);
      int nameStart = nameStart(s, p, floor, last != null);
      if (nameStart >= 0 && suffix.word().equals("省")) {
        nameStart = provinceStart(s, nameStart, p);
      }
      int accepted = nameStart < 0 ? -1 : accept(s, suffix, nameStart, p, end, last);
      if (accepted < 0) {
        p++;
        continue;
      }
      if (nameStart == p) {
        last.end = accepted;
        last.kind = suffix.kind();
      } else {
        places.add(new Place(nameStart, accepted, suffix.kind()));
      }
      floor = accepted;
      p = accepted;
    }
    return places;
  }

  /**
   * Where the place ends if the name [nameStart, p) and suffix make one, else -1. An empty name
   * extends the previous place when it ends right here (幸福花园 + 路).
   */
  private static int accept(String s, Suffix suffix, int nameStart, int p, int end, Place last) {
    int nameLength = p - nameStart;
    boolean touchesLast = last != null && last.end == nameStart;
    if (nameLength == 0) {
      return touchesLast ? relationEnd(s, end) : -1;
    }
    if (nameLength < 2 || isGeneric(s, nameStart, p, end)) {
      return -1;
    }
    if (suffix.kind() == Kind.LANDMARK) {
      int withRelation = relationEnd(s, end);
      return withRelation > end || touchesLast ? withRelation : -1;
    }
    return end;
  }

  private static boolean isGeneric(String s, int nameStart, int p, int end) {
    return GENERIC.contains(s.substring(nameStart, end))
        || (end - p == 1 && GENERIC.contains(s.substring(end - 2, end)));
  }

  /** For 省: the name must end with a province; the place then starts there. */
  private static int provinceStart(String s, int nameStart, int p) {
    for (String province : PROVINCES) {
      int start = p - province.length();
      if (start >= nameStart && s.startsWith(province, start)) {
        return start;
      }
    }
    return -1;
  }

  /**
   * The start of the name ending at {@code p}: back over name characters to the last function word,
   * the previous place or a number, then forward over leading verbs and time words. -1 when the run
   * is too long to be a name.
   */
  private static int nameStart(String s, int p, int floor, boolean afterPlace) {
    int k = p;
    while (k > floor && isNameChar(s.charAt(k - 1)) && STOP_CHARS.indexOf(s.charAt(k - 1)) < 0) {
      k--;
      if (p - k > MAX_NAME) {
        return -1;
      }
    }
    if (k > 0 && isDigit(s.charAt(k - 1))) {
      k = skipWord(s, k, p, COUNTERS);
    }
    if (k > 0 && k < p && s.charAt(k) == '好' && "你您".indexOf(s.charAt(k - 1)) >= 0) {
      k++;
    }
    if (afterPlace && k == floor) {
      k = skipChineseNumberedUnits(s, k, p);
    }
    for (int before = -1; before != k; ) {
      before = k;
      k = skipWord(s, k, p, LEAD_WORDS);
    }
    // 我家幸福小区: a leading 家 is the speaker's home unless the name would get too short
    if (p - k >= 3 && s.charAt(k) == '家' && !s.startsWith("家乐福", k)) {
      k++;
    }
    return k;
  }

  private static int skipWord(String s, int k, int limit, Map<Character, List<String>> words) {
    List<String> candidates = k < limit ? words.get(s.charAt(k)) : null;
    return candidates == null ? k : skipWord(s, k, limit, candidates);
  }

  private static int skipWord(String s, int k, int limit, List<String> words) {
    for (String word : words) {
      if (k + word.length() <= limit && s.startsWith(word, k)) {
        return k + word.length();
      }
    }
    return k;
  }

  private static int skipChineseNumberedUnits(String s, int k, int limit) {
    int q = k;
    while (q < limit && CHINESE_DIGITS.indexOf(s.charAt(q)) >= 0) {
      q++;
    }
    if (q == k) {
      return k;
    }
    int after = skipWord(s, q, limit, UNIT_WORDS);
    return after > q ? skipChineseNumberedUnits(s, after, limit) : k;
  }

  /** Joins places with their units and with the places right after them into address spans. */
  private static List<int[]> chains(String s, List<Place> places) {
    List<int[]> spans = new ArrayList<>();
    int covered = 0;
    for (int i = 0; i < places.size(); i++) {
      Place first = places.get(i);
      if (first.start < covered) {
        continue;
      }
      int end = first.end;
      Kind kind = first.kind;
      while (true) {
        Units units = units(s, end, kind);
        end = units.end();
        if (i + 1 < places.size() && places.get(i + 1).start == end) {
          i++;
          end = places.get(i).end;
          kind = places.get(i).kind;
          continue;
        }
        int building = building(s, end);
        if (building > end) {
          end = building;
          kind = Kind.PLACE;
          continue;
        }
        break;
      }
      end = relationEnd(s, end);
      if (end - first.start <= MAX_ADDRESS) {
        spans.add(new int[] {first.start, end});
      }
      covered = end;
    }
    return spans;
  }

  /** Addresses without a named place: at least two units, one a building, entrance or room. */
  private static List<int[]> unitsOnly(String s, List<int[]> taken) {
    List<int[]> spans = new ArrayList<>();
    int q = 0;
    int next = 0;
    while (q < s.length()) {
      while (next < taken.size() && taken.get(next)[1] <= q) {
        next++;
      }
      if (next < taken.size() && taken.get(next)[0] <= q) {
        q = taken.get(next)[1];
        continue;
      }
      char c = s.charAt(q);
      boolean startsNumber = isDigit(c) || CHINESE_DIGITS.indexOf(c) >= 0 || isLetter(c);
      boolean freshStart =
          q == 0
              || !(isDigit(s.charAt(q - 1))
                  || isLetter(s.charAt(q - 1))
                  || CHINESE_DIGITS.indexOf(s.charAt(q - 1)) >= 0
                  || s.charAt(q - 1) == '.'
                  || s.charAt(q - 1) == '-'
                  || s.charAt(q - 1) == '月');
      if (startsNumber && freshStart) {
        Units units = units(s, q, null);
        boolean insideTaken = next < taken.size() && taken.get(next)[0] < units.end();
        if (units.count() >= 2 && units.strong() > 0 && !insideTaken) {
          spans.add(new int[] {q, relationEnd(s, units.end())});
          q = units.end();
          continue;
        }
      }
      q++;
    }
    return spans;
  }

  private record Units(int end, int count, int strong) {}

  /**
   * The numbered units from {@code from}: 3栋2单元501, 3号楼, A座, 5组, 三单元, or 3-2-501 right after a
   * place. {@code after} is the kind of place before (null: none); 88号 needs a road before it or
   * another unit around it, since 3号 alone is a date.
   */
  private static Units units(String s, int from, Kind after) {
    int end = from;
    int count = 0;
    int strong = 0;
    String lastUnit = null;
    while (true) {
      int q = end;
      if (q < s.length() && s.charAt(q) == ' ' && q + 1 < s.length() && !isSpace(s, q + 1)) {
        q++;
      }
      int[] token = unitToken(s, q);
      if (token != null) {
        String unit = s.substring(token[0], token[1]);
        boolean roadNumber = unit.equals("号");
        if (roadNumber && count == 0 && after != Kind.ROAD && unitToken(s, token[1]) == null) {
          break;
        }
        count++;
        strong += UNITS.get(unit) ? 1 : 0;
        lastUnit = unit;
        end = token[1];
        continue;
      }
      if (count == 0 && after != null) {
        int dashed = dashedNumber(s, q);
        if (dashed > q) {
          return new Units(dashed, 1, 1);
        }
      }
      if (lastUnit != null && ROOM_AFTER.contains(lastUnit)) {
        int room = digitsEnd(s, q);
        if (room > q && room - q <= 5 && !continuesNumber(s, room)) {
          return new Units(room, count + 1, strong + 1);
        }
      }
      break;
    }
    return new Units(end, count, strong);
  }

  /** A number and its unit at {@code q}: {start of unit, end of unit}, or null. */
  private static int[] unitToken(String s, int q) {
    if (q >= s.length()) {
      return null;
    }
    int numberEnd;
    boolean letter = false;
    char c = s.charAt(q);
    if (isDigit(c)) {
      numberEnd = digitsEnd(s, q);
      if (numberEnd - q > 5) {
        return null;
      }
    } else if (CHINESE_DIGITS.indexOf(c) >= 0) {
      numberEnd = q;
      while (numberEnd < s.length()
          && numberEnd - q < 4
          && CHINESE_DIGITS.indexOf(s.charAt(numberEnd)) >= 0) {
        numberEnd++;
      }
    } else if (isLetter(c) && (q + 1 >= s.length() || !isLetter(s.charAt(q + 1)))) {
      numberEnd = q + 1;
      letter = true;
    } else {
      return null;
    }
    for (String unit : UNIT_WORDS) {
      if (s.startsWith(unit, numberEnd)) {
        boolean chineseRoom = unit.equals("室") && !isDigit(c) && !letter;
        if ((letter && !LETTER_UNITS.contains(unit)) || chineseRoom) {
          return null;
        }
        return new int[] {numberEnd, numberEnd + unit.length()};
      }
    }
    return null;
  }

  /** 3-2-501 (building-entrance-room), optionally with 室 or 号: where it ends, or q. */
  private static int dashedNumber(String s, int q) {
    int end = digitsEnd(s, q);
    if (end == q || end - q > 3) {
      return q;
    }
    int groups = 1;
    while (groups < 4 && end + 1 < s.length() && s.charAt(end) == '-') {
      int next = digitsEnd(s, end + 1);
      if (next == end + 1 || next - end - 1 > 4) {
        break;
      }
      end = next;
      groups++;
    }
    if (groups < 2 || continuesNumber(s, end)) {
      return q;
    }
    return end < s.length() && (s.charAt(end) == '室' || s.charAt(end) == '号') ? end + 1 : end;
  }

  /**
   * A building named with letters (望京SOHO) followed by a tower (T1) or a numbered building (2栋), or
   * a tower right here: where it ends, or {@code from}.
   */
  private static int building(String s, int from) {
    int q = from;
    boolean hasLetter = false;
    while (q < s.length()
        && q - from < 12
        && isNameChar(s.charAt(q))
        && STOP_CHARS.indexOf(s.charAt(q)) < 0
        && tower(s, q) < 0
        && unitToken(s, q) == null) {
      hasLetter |= isLetter(s.charAt(q));
      q++;
    }
    int length = q - from;
    if (length == 1 || (length > 0 && !hasLetter) || skipWord(s, from, q, LEAD_WORDS) > from) {
      return from;
    }
    int r = q < s.length() && s.charAt(q) == ' ' ? q + 1 : q;
    int tower = tower(s, r);
    if (tower > 0) {
      int room = tower < s.length() && s.charAt(tower) == ' ' ? tower + 1 : tower;
      int roomEnd = digitsEnd(s, room);
      boolean isRoom = room > tower && roomEnd > room && roomEnd - room <= 5;
      return isRoom && !continuesNumber(s, roomEnd) ? roomEnd : units(s, tower, Kind.PLACE).end();
    }
    int[] token = length > 0 ? unitToken(s, r) : null;
    if (token != null && UNITS.get(s.substring(token[0], token[1]))) {
      return units(s, r, Kind.PLACE).end();
    }
    return from;
  }

  /** A tower such as T1 or A3 at {@code q}: a letter and up to three digits. Its end, or -1. */
  private static int tower(String s, int q) {
    if (q >= s.length() || !isLetter(s.charAt(q)) || (q > 0 && isLetter(s.charAt(q - 1)))) {
      return -1;
    }
    int end = digitsEnd(s, q + 1);
    return end > q + 1 && end - q - 1 <= 3 && !continuesNumber(s, end) ? end : -1;
  }

  private static int relationEnd(String s, int end) {
    for (String relation : RELATIONS) {
      if (s.startsWith(relation, end)) {
        return end + relation.length();
      }
    }
    return end;
  }

  private static Suffix suffixAt(String s, int p) {
    List<Suffix> candidates = SUFFIXES_BY_FIRST.get(s.charAt(p));
    if (candidates != null) {
      for (Suffix suffix : candidates) {
        if (s.startsWith(suffix.word(), p)) {
          return suffix;
        }
      }
    }
    return null;
  }

  private static int digitsEnd(String s, int q) {
    int end = q;
    while (end < s.length() && isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Whether a number ending at {@code end} goes on (more digits, a decimal, letters, a unit). */
  private static boolean continuesNumber(String s, int end) {
    if (end >= s.length()) {
      return false;
    }
    char c = s.charAt(end);
    return isDigit(c) || isLetter(c) || NOT_ROOM.indexOf(c) >= 0;
  }

  private static boolean isSpace(String s, int q) {
    return Character.isWhitespace(s.charAt(q));
  }

  private static boolean isNameChar(char c) {
    return isHan(c) || isLetter(c) || c == '·';
  }

  private static boolean isHan(char c) {
    return (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF');
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Map<Character, List<Suffix>> index(List<Suffix> suffixes) {
    Map<Character, List<Suffix>> byFirst = new HashMap<>();
    for (Suffix suffix : suffixes) {
      byFirst.computeIfAbsent(suffix.word().charAt(0), c -> new ArrayList<>()).add(suffix);
    }
    byFirst.values().forEach(list -> list.sort(Comparator.comparingInt(x -> -x.word().length())));
    return Map.copyOf(byFirst);
  }

  private static Map<Character, List<String>> byFirstChar(List<String> words) {
    Map<Character, List<String>> byFirst = new HashMap<>();
    for (String word : words) {
      byFirst.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(word);
    }
    byFirst.replaceAll((c, list) -> longestFirst(list.toArray(String[]::new)));
    return Map.copyOf(byFirst);
  }

  private static List<String> longestFirst(String... words) {
    List<String> sorted = new ArrayList<>(List.of(words));
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(sorted);
  }

  private static List<String> leadWords() {
    List<String> words =
        new ArrayList<>(
            List.of(
                // time
                "今天",
                "明天",
                "昨天",
                "后天",
                "前天",
                "大后天",
                "今晚",
                "明晚",
                "昨晚",
                "今早",
                "明早",
                "今日",
                "明日",
                "昨日",
                "现在",
                "刚才",
                "刚刚",
                "突然",
                "已经",
                "一直",
                "上午",
                "下午",
                "中午",
                "晚上",
                "早上",
                "凌晨",
                "夜里",
                "半夜",
                "今年",
                "明年",
                "去年",
                "本月",
                "下月",
                "上月",
                "每天",
                "每次",
                "经常",
                "总是",
                "老是",
                "之前",
                "之后",
                "以前",
                "以后",
                "目前",
                "当前",
                "最近",
                "周末",
                // vague places and quantities
                "整个",
                "全部",
                "所有",
                "附近",
                "旁边",
                "对面",
                "隔壁",
                "楼下",
                "楼上",
                "家里",
                "屋里",
                "老家",
                "周边",
                "周围",
                "其他",
                "其它",
                "别的",
                "各个",
                "好几个",
                "几个",
                "一些",
                "很多",
                "这些",
                "那些",
                "老旧",
                "高档",
                "新建",
                "大概",
                "大约",
                "差不多",
                "好像",
                "可能",
                "估计",
                "一共",
                "总共",
                "一下",
                "一个",
                // verbs and fillers
                "地址",
                "位置",
                "位于",
                "处于",
                "所在",
                "靠近",
                "麻烦",
                "谢谢",
                "停电",
                "没电",
                "断电",
                "来电",
                "报修",
                "怎么",
                "什么",
                "为什么",
                "如何",
                "还有",
                "以及",
                "就是",
                "影响",
                "通知",
                "提醒",
                "查询",
                "咨询",
                "办理",
                "申请",
                "预约",
                "投诉",
                "反映",
                "搬家",
                "回到",
                "来到",
                "属于",
                "包括",
                "涉及",
                "特别是",
                "尤其是",
                "比如",
                "例如",
                "关于",
                "对于",
                "然后",
                "但是",
                "可是",
                "而且",
                "因为",
                "所以",
                "如果",
                "假如",
                "只要",
                "结果",
                "家住",
                "电费",
                "电表",
                "上门",
                "维修",
                "检修",
                "抢修",
                "计划",
                "门口",
                "家门口",
                "订阅",
                "取消订阅",
                "取消",
                "退订",
                "关注",
                "开通",
                "关闭",
                "查看",
                "看看",
                "看一下",
                "查一下",
                "原来",
                "原先",
                "本来",
                "自己",
                "新买"));
    for (String prefix : List.of("", "下", "上", "这", "本")) {
      for (String week : List.of("周", "星期", "礼拜")) {
        for (String day : List.of("一", "二", "三", "四", "五", "六", "日", "天", "末")) {
          words.add(prefix + week + day);
        }
      }
    }
    return longestFirst(words.toArray(String[]::new));
  }
}
