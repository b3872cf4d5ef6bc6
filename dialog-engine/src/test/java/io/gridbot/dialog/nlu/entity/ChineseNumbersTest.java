package io.gridbot.dialog.nlu.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumbersTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "零, 0",
    "五, 5",
    "两, 2",
    "十, 10",
    "十五, 15",
    "二十, 20",
    "一百, 100",
    "两百五, 250",
    "二百五十, 250",
    "一百零五, 105",
    "三千, 3000",
    "三千五, 3500",
    "一千零五十, 1050",
    "一万五, 15000",
    "两万三千五, 23500",
    "一万零五百, 10500",
    "五十万, 500000",
    "一百万, 1000000",
    "壹佰, 100",
    "壹仟贰佰, 1200",
    "兩百, 200",
    "貳萬, 20000",
    "〇, 0",
  })
  void readsWellFormedIntegers(String numeral, BigDecimal value) {
    assertThat(ChineseNumbers.parseInteger(numeral)).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"百", "百百", "千百", "万万", "万一", "千万", "一二三", "五五", "零五", "两百两百", "一万一万"})
  void rejectsMalformedRunsThatHutoolWouldMisread(String numeral) {
    assertThat(ChineseNumbers.parseInteger(numeral)).isNull();
  }

  @ParameterizedTest(name = "{0}点{1} = {2}")
  @CsvSource({"一百二十三, 五, 123.5", "三, 五, 3.5", "零, 五, 0.5", "十, 二五, 10.25"})
  void readsDecimals(String integer, String fraction, BigDecimal value) {
    assertThat(ChineseNumbers.parseDecimal(integer, fraction)).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"7, 7", "七, 7", "柒, 7", "两, 2", "兩, 2", "零, 0", "〇, 0", "十, -1", "块, -1"})
  void readsSingleDigits(char c, int value) {
    assertThat(ChineseNumbers.digit(c)).isEqualTo(value);
  }
}
