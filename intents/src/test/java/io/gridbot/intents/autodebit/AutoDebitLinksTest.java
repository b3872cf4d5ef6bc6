package io.gridbot.intents.autodebit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AutoDebitLinksTest {

  @Test
  void fillsTheRequestIdIntoTheTemplateEncoded() {
    AutoDebitLinks links = new AutoDebitLinks("https://pay.example.cn/sign?r={requestId}&x=1");
    assertThat(links.signUrl("chat:abc-1"))
        .isEqualTo("https://pay.example.cn/sign?r=chat%3Aabc-1&x=1");
  }

  @Test
  void hasAWorkingDefault() {
    assertThat(new AutoDebitLinks(null).signUrl("r1")).startsWith("https://").endsWith("r1");
  }

  @Test
  void rejectsTemplatesWithoutTheRequestIdOrNotHttp() {
    assertThatThrownBy(() -> new AutoDebitLinks("https://pay.example.cn/sign"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AutoDebitLinks("ftp://pay.example.cn/{requestId}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsSignOrCancelOnlyWhenClear() {
    assertThat(AutoDebitForm.action("开通支付宝自动扣电费")).contains(AutoDebitForm.SIGN);
    assertThat(AutoDebitForm.action("取消自动扣费")).contains(AutoDebitForm.CANCEL);
    assertThat(AutoDebitForm.action("自动扣费")).isEmpty();
    assertThat(AutoDebitForm.action("第二个")).isEmpty();
  }
}
