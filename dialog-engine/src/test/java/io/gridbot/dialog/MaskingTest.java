package io.gridbot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void namesKeepTheirFirstCharacter() {
    assertThat(Masking.name("张三")).isEqualTo("张*");
    assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
    assertThat(Masking.name(" 李四 ")).isEqualTo("李*");
    assertThat(Masking.name("王")).as("a one-character name still hides something").isEqualTo("王*");
    assertThat(Masking.name("𠮷野家"))
        .as("a supplementary character counts as one")
        .isEqualTo("𠮷**");
  }

  @Test
  void mobilesKeepPrefixAndLastFourDigits() {
    assertThat(Masking.phone("13800000001")).isEqualTo("138****0001");
    assertThat(Masking.phone(" 19912345678 ")).isEqualTo("199****5678");
  }

  @Test
  void landlinesKeepTheirLastFourDigits() {
    assertThat(Masking.phone("0571-88886666")).isEqualTo("****6666");
    assertThat(Masking.phone("95598")).isEqualTo("****5598");
    assertThat(Masking.phone("110")).isEqualTo("****");
  }

  @Test
  void accountsKeepFirstFourAndLastTwoDigits() {
    assertThat(Masking.account("3300000001")).isEqualTo("3300****01");
    assertThat(Masking.account("3300000000123")).isEqualTo("3300****23");
    assertThat(Masking.account("1234567")).as("too short to show any part").isEqualTo("****");
  }

  @Test
  void freeTextHasEveryPhoneAndAccountMasked() {
    // given
    String text = "我叫张三，手机13800000001，户号3300000001和3300000000123，另一个手机15912345678";

    // when
    String masked = Masking.text(text);

    // then
    assertThat(masked)
        .isEqualTo("我叫张三，手机138****0001，户号3300****01和3300****23，另一个手机159****5678")
        .doesNotContain("13800000001", "3300000001", "3300000000123", "15912345678");
  }

  @Test
  void freeTextMobilesWithSeparatorsOrFullWidthDigitsAreMasked() {
    assertThat(Masking.text("电话138 0000 0001")).isEqualTo("电话****0001");
    assertThat(Masking.text("电话138-0000-0001。")).isEqualTo("电话****0001。");
    assertThat(Masking.text("电话１３８００００２２２２")).isEqualTo("电话１３８****２２２２");
    assertThat(Masking.text("户号３３００００００01")).isEqualTo("户号３３００****01");
  }

  @Test
  void freeTextIdNumbersAndLandlinesAreMasked() {
    assertThat(Masking.text("身份证330106199001011234，座机0571-87654321"))
        .isEqualTo("身份证3301**********1234，座机****4321")
        .doesNotContain("19900101");
    assertThat(Masking.text("号码33010619900101123X")).isEqualTo("号码3301**********123X");
    assertThat(Masking.idNumber("12")).isEqualTo("****");
  }

  @Test
  void freeTextLeavesOtherNumbersAlone() {
    assertThat(Masking.text("交100元，订单号12345678901234，12点"))
        .isEqualTo("交100元，订单号12345678901234，12点");
  }

  @Test
  void nullBlankAndShortInputsAreHandled() {
    assertThat(Masking.name(null)).isEmpty();
    assertThat(Masking.name("  ")).isEmpty();
    assertThat(Masking.phone(null)).isEmpty();
    assertThat(Masking.phone("")).isEqualTo("****");
    assertThat(Masking.account(null)).isEmpty();
    assertThat(Masking.account("")).isEqualTo("****");
    assertThat(Masking.text(null)).isNull();
    assertThat(Masking.text("")).isEmpty();
    assertThat(Masking.text("好的")).isEqualTo("好的");
  }
}
