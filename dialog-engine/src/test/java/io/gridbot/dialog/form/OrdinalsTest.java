package io.gridbot.dialog.form;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrdinalsTest {

  @ParameterizedTest(name = "\"{0}\" picks {1} of 3")
  @CsvSource({
    "1, 1",
    "２, 2", // full-width digit
    "第二个, 2",
    "选3, 3",
    "第3项, 3",
    "两, 2",
    "最后一个, 3",
    "最后, 3",
    "我选第一个吧, 1",
    "' 2 ', 2",
    "3号, 3",
    "三。, 3"
  })
  void picksAnOfferedOptionByPosition(String answer, int expected) {
    // given three options offered / when / then
    assertThat(Ordinals.pick(answer, 3)).hasValue(expected);
  }

  @ParameterizedTest(name = "\"{0}\" is out of range for 3")
  @ValueSource(strings = {"0", "4", "第四个", "10", "十"})
  void positionsOutsideTheOptionsPickNothing(String answer) {
    assertThat(Ordinals.pick(answer, 3)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" is not a pick")
  @ValueSource(strings = {"100元", "12345", "第二天", "123", "两个人", "确认", "", "第", "选"})
  void otherAnswersAreNotPicks(String answer) {
    assertThat(Ordinals.pick(answer, 9)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" picks 10 of 12")
  @ValueSource(strings = {"10", "第十个", "十"})
  void tenIsReadAsDigitsOrAsACharacter(String answer) {
    assertThat(Ordinals.pick(answer, 12)).hasValue(10);
  }

  @ParameterizedTest(name = "\"{0}\" picks nothing among no options")
  @ValueSource(strings = {"1", "最后一个"})
  void nothingIsPickedWhenNothingIsOffered(String answer) {
    assertThat(Ordinals.pick(answer, 0)).isEmpty();
  }
}
