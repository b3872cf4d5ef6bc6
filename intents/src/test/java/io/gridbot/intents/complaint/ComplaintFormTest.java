package io.gridbot.intents.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.complaint.ComplaintCategory;
import org.junit.jupiter.api.Test;

class ComplaintFormTest {

  @Test
  void wordsNameTheCategory() {
    assertThat(ComplaintForm.categoryOf("营业员态度差")).contains(ComplaintCategory.SERVICE_ATTITUDE);
    assertThat(ComplaintForm.categoryOf("我要投诉抄表员")).contains(ComplaintCategory.METER_READING);
    assertThat(ComplaintForm.categoryOf("电费多收了")).contains(ComplaintCategory.BILLING);
    assertThat(ComplaintForm.categoryOf("电压不稳灯忽明忽暗")).contains(ComplaintCategory.POWER_QUALITY);
    assertThat(ComplaintForm.categoryOf("我要投诉")).isEmpty();
  }

  @Test
  void onlyAMessageThatSaysMoreThanIWantToComplainIsContent() {
    assertThat(ComplaintForm.saysMore("我要投诉抄表员")).isFalse();
    assertThat(ComplaintForm.saysMore("我想提个建议")).isFalse();
    assertThat(ComplaintForm.saysMore("抄表员三个月没来，电费都是估的")).isTrue();
  }

  @Test
  void phonesAreMobilesOrLandlinesWithAreaCode() {
    assertThat(ComplaintForm.phone("139-1234-5678")).contains("13912345678");
    assertThat(ComplaintForm.phone("+8613912345678")).contains("13912345678");
    assertThat(ComplaintForm.phone("0571-87654321")).contains("057187654321");
    assertThat(ComplaintForm.phone("12345")).isEmpty();
    assertThat(ComplaintForm.phone("23912345678")).isEmpty();
  }
}
