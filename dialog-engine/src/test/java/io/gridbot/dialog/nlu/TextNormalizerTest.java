package io.gridbot.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "帮我交100元电费！|帮我交0元电费",
        "幫我繳費，餘額多少？|帮我缴费余额多少",
        "ＨＥＬＬＯ　你好|hello你好",
        "户号 3300 0000 01|户号000",
        "电费😀😀还剩多少??|电费还剩多少",
        "<b>转人工</b>|b转人工b",
        "１２３元|0元",
      })
  void classificationText(String input, String expected) {
    assertThat(TextNormalizer.forClassification(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"１００元|100元", "ＡＢＣ|ABC", "a　b|a b"})
  void halfWidthKeepsLength(String input, String expected) {
    assertThat(TextNormalizer.toHalfWidth(input)).isEqualTo(expected).hasSameSizeAs(input);
  }
}
