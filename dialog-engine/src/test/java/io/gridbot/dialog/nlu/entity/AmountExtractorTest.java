package io.gridbot.dialog.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.gridbot.dialog.nlu.Entity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountExtractorTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final AmountExtractor amounts = new AmountExtractor();

  @ParameterizedTest(name = "{0} -> {1} [{2}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          100元                       | 100.00     | 100元
          我要交100块                  | 100.00     | 100块
          帮我交100块钱电费             | 100.00     | 100块钱
          ￥80                        | 80.00      | ￥80
          ¥ 80                        | 80.00      | ¥ 80
          缴费80.5元                   | 80.50      | 80.5元
          一共1,000元                  | 1000.00    | 1,000元
          交１００元                    | 100.00     | １００元
          'RMB100'                    | 100.00     | RMB100
          付了100rmb了                 | 100.00     | 100rmb
          人民币100元                  | 100.00     | 人民币100元
          100.00元                    | 100.00     | 100.00元
          0.5元                       | 0.50       | 0.5元
          '花了 100 元'                 | 100.00     | 100 元
          一百块                       | 100.00     | 一百块
          两百五                       | 250.00     | 两百五
          二百五十元                    | 250.00     | 二百五十元
          三千                        | 3000.00    | 三千
          一万五                       | 15000.00   | 一万五
          一块五                       | 1.50       | 一块五
          五毛                        | 0.50       | 五毛
          五毛钱                       | 0.50       | 五毛钱
          三块八毛                     | 3.80       | 三块八毛
          三块八毛五                    | 3.85       | 三块八毛五
          3块5毛                       | 3.50       | 3块5毛
          十块                        | 10.00      | 十块
          就一块钱                     | 1.00       | 一块钱
          两百块钱                     | 200.00     | 两百块钱
          壹佰元                       | 100.00     | 壹佰元
          壹仟贰佰圆                    | 1200.00    | 壹仟贰佰圆
          兩百                        | 200.00     | 兩百
          一万零五百元                  | 10500.00   | 一万零五百元
          一百二十三点五元               | 123.50     | 一百二十三点五元
          1.5千                       | 1500.00    | 1.5千
          2万                         | 20000.00   | 2万
          3k                         | 3000.00    | 3k
          1.2w?                      | 12000.00   | 1.2w
          交了2万5                     | 25000.00   | 2万5
          五百多块                     | 500.00     | 五百多块
          一百万元                     | 1000000.00 | 一百万元
          交100                       | 100.00     | 100
          充200                       | 200.00     | 200
          缴50                        | 50.00      | 50
          充值300                      | 300.00     | 300
          付100                       | 100.00     | 100
          帮我交一百                    | 100.00     | 一百
          交个两百                     | 200.00     | 两百
          电费是80吧                   | 80.00      | 80
          余额还有50                    | 50.00      | 50
          充两千块到户号3302158890       | 2000.00    | 两千块
          交一千二                     | 1200.00    | 一千二
          预存2k                       | 2000.00    | 2k
          一块二毛五分                   | 1.25       | 一块二毛五分
          十块零五毛                    | 10.50      | 十块零五毛
          大概100-200元                | 200.00     | 200元
          我家电费一个月两百左右          | 200.00     | 两百
          100元5月份的电费               | 100.00     | 100元
          """)
  void findsAmountWithItsValueAndSpan(String text, String value, String span) {
    // when
    List<Entity> found = amounts.extract(text, AT);

    // then
    int start = text.indexOf(span);
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("amount");
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.text()).isEqualTo(span);
              assertThat(e.start()).isEqualTo(start);
              assertThat(e.end()).isEqualTo(start + span.length());
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "13812345678",
        "我的手机号是138-1234-5678",
        "3300000001",
        "户号3302158890",
        "交3302158890的电费",
        "3300000000001",
        "3栋",
        "幸福小区3栋2单元501室",
        "2单元",
        "501室",
        "5号楼",
        "10月5号",
        "10月5号交",
        "2026年10月5号",
        "明天10点",
        "三点半",
        "下周三",
        "100度电",
        "上个月用了300度",
        "充100度",
        "第二个",
        "第一块",
        "2026年",
        "交2026年的电费",
        "交了3个月",
        "20%",
        "优惠20%",
        "1楼",
        "100",
        "三千米",
        "两块电表",
        "我们一块去",
        "一毛不拔",
        "三角形",
        "100美元",
        "每度电0.538元",
        "1.000元",
        "1500000元",
        "交10:30",
        "2万度",
        "3kw",
        "充一下",
        "明天下午三点",
        "十一月",
        "二十",
        "帮我交一下",
        "千万别停电",
        "万一停电怎么办",
        "一百分",
        "100W的灯泡",
      })
  void ignoresNumbersThatAreNoSums(String text) {
    assertThat(amounts.extract(text, AT)).isEmpty();
  }

  @Test
  void findsEveryAmountInOrder() {
    // given
    String text = "上个月交了100元，这个月又交了两百块，电话13812345678";

    // when
    List<Entity> found = amounts.extract(text, AT);

    // then
    assertThat(found).extracting(Entity::value).containsExactly("100.00", "200.00");
    assertThat(found).extracting(Entity::text).containsExactly("100元", "两百块");
  }

  @Test
  void fullWidthTextIsReadAsAsciiButTheSpanKeepsTheOriginal() {
    // when
    List<Entity> found = amounts.extract("交￥１，０００", AT);

    // then
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo("1000.00");
              assertThat(e.text()).isEqualTo("￥１，０００");
            });
  }

  @Test
  void leadingSpacesDoNotShiftTheSpan() {
    // when
    List<Entity> found = amounts.extract("\u3000 交100元 ", AT);

    // then
    assertThat(found)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.start()).isEqualTo(3);
              assertThat(e.end()).isEqualTo(7);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "😀😀💰100元😀",
        "<b>100</b>元<script>alert(1)</script>",
        "'; DROP TABLE account; -- 100元",
        "点点点点点点点点",
        "万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万万",
        "1,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1元",
        "99999999999999999999999999999999999999999999999999999999999999999999999999元",
        "一二三四五六七八九十百千万一二三四五六七八九十百千万一二三四五六七八九十百千万块",
        "块块块元元元毛毛毛角角角¥¥¥rmbrmb",
        "\uD83D",
      })
  void neverThrowsOnOddInput(String text) {
    assertThatCode(() -> AmountExtractor.find(text)).doesNotThrowAnyException();
  }

  @Test
  void randomInputNeverBreaksTheLogicAndYieldsWellFormedEntities() {
    // given: text built from the characters the extractor reacts to
    String alphabet = "0123456789,.:-% ¥￥一二两三五十百千万零点多块钱元毛角分交充付第度号kw壹佰a，。吧";
    Random random = new Random(42);

    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(30);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = sb.toString();

      // when
      List<Entity> found = AmountExtractor.find(text);

      // then
      for (Entity e : found) {
        assertThat(e.value()).as(text).matches("[0-9]+\\.[0-9]{2}");
        assertThat(new BigDecimal(e.value()))
            .as(text)
            .isLessThanOrEqualTo(BigDecimal.valueOf(1_000_000));
        assertThat(e.text()).as(text).isEqualTo(text.substring(e.start(), e.end()));
      }
    }
  }

  @Test
  void longGarbageIsHandledQuickly() {
    // given
    String garbage = "交一二三四五六七八九十块1,2,3.4.5元¥".repeat(40);

    // when
    long started = System.nanoTime();
    List<Entity> found = amounts.extract(garbage, AT);
    long millis = (System.nanoTime() - started) / 1_000_000;

    // then
    assertThat(found).allSatisfy(e -> assertThat(e.name()).isEqualTo("amount"));
    assertThat(millis).isLessThan(200);
  }

  @Test
  void nullTextYieldsNothing() {
    assertThat(amounts.extract(null, AT)).isEmpty();
  }
}
