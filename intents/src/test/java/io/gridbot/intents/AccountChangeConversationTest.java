package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.application.ApplicationRequest;
import io.gridbot.service.application.ApplicationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** 过户、更名、销户 as applications; a registered phone change is explained. */
class AccountChangeConversationTest extends VisitsHarness {

  @BeforeEach
  void submitted() {
    applicationsAreNumbered("A2026112700000009");
  }

  @Test
  void transferFromTheFirstMessage() {
    bind("a1", "3300000001");
    assertThat(say("a1", "房子卖了要过户")).contains("新户主的姓名");
    say("a1", "王建国");
    assertThat(turn("a1", "33010619900101123X").templates())
        .containsExactly("applicant.full_id_refused");
    say("a1", "123X");
    String confirm = say("a1", "1");
    assertThat(confirm)
        .contains("业务：过户")
        .contains("3300****01")
        .contains("新户主：王**")
        .contains("138****0001")
        .doesNotContain("王建国");
    assertThat(say("a1", "确认")).contains("A2026112700000009");
    ArgumentCaptor<ApplicationRequest> request = ArgumentCaptor.forClass(ApplicationRequest.class);
    Mockito.verify(applications).submit(request.capture());
    assertThat(request.getValue().type()).isEqualTo(ApplicationType.TRANSFER);
    assertThat(request.getValue().name()).isEqualTo("王建国");
    assertThat(request.getValue().account()).isEqualTo(new AccountNo("3300000001"));
    assertThat(request.getValue().address()).isEqualTo("幸福小区3栋2单元501");
  }

  @Test
  void closingTheAccountAsksNoNewHolder() {
    bind("a2", "3300000001");
    assertThat(say("a2", "我要销户")).contains("身份证号码的后四位");
    say("a2", "1234");
    say("a2", "13912345678");
    assertThat(say("a2", "不办了")).contains("没有提交申请");
    Mockito.verify(applications, Mockito.never()).submit(any());
  }

  @Test
  void aRegisteredPhoneChangeIsExplained() {
    bind("a3", "3300000001");
    assertThat(say("a3", "我想更换预留手机号")).contains("携带身份证到供电营业厅");
  }

  @Test
  void withoutABoundAccountTheCustomerIsToldToBindFirst() {
    assertThat(say("a4", "房子卖了要过户")).contains("先绑定户号");
  }
}
