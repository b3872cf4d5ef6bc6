package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.billing.BillService;
import io.gridbot.service.complaint.Complaint;
import io.gridbot.service.complaint.ComplaintCategory;
import io.gridbot.service.complaint.ComplaintNo;
import io.gridbot.service.complaint.ComplaintService;
import io.gridbot.service.complaint.ComplaintState;
import io.gridbot.service.complaint.NewComplaint;
import io.gridbot.service.repair.ContactPhone;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** Complaints through the engine, with real NLU, fake accounts and a mocked complaint service. */
class ComplaintConversationTest {

  private final FakeAccounts business = FakeAccounts.demo();
  private final StateStore state = StateStores.inMemoryStateStore();
  private final BillService bills = Mockito.mock(BillService.class);
  private final ComplaintService complaints = Mockito.mock(ComplaintService.class);

  private final MessageProcessor processor =
      TestAssistant.processor(
          Assistant.domain(
              TestServices.on(business)
                  .with(
                      s -> {
                        s.bills = bills;
                        s.complaints = complaints;
                      }),
              state,
              new Templates(n -> 0)),
          state,
          (message, parse, replies) -> {});

  private TurnOutcome say(String user, String text) {
    return processor.process(
        new UserMessage(new ConversationId("wechat", user), null, text, Instant.now()));
  }

  private static Complaint filed(String no) {
    Instant now = Instant.now();
    return new Complaint(
        new ComplaintNo(no),
        new ChannelUser("wechat", "c"),
        null,
        ComplaintCategory.OTHER,
        "x",
        new ContactPhone("13800000001"),
        ComplaintState.RECEIVED,
        now,
        now);
  }

  private NewComplaint captured() {
    ArgumentCaptor<NewComplaint> sent = ArgumentCaptor.forClass(NewComplaint.class);
    Mockito.verify(complaints).file(sent.capture());
    return sent.getValue();
  }

  @Test
  void aComplaintAboutTheMeterReaderTakesTheCategoryFromTheWordsAndRetriesABadPhone() {
    Complaint result = filed("TS202611270001");
    Mockito.when(complaints.file(any())).thenReturn(result);

    // "I want to complain about the meter reader": the category is clear, the content is not
    assertThat(say("c1", "我要投诉抄表员").templates()).containsExactly("complaint.ask_content");
    assertThat(say("c1", "三个月没来抄表，电费都是估的").templates()).containsExactly("complaint.ask_phone");
    assertThat(say("c1", "12345").templates()).containsExactly("complaint.retry_phone");
    TurnOutcome confirm = say("c1", "13912345678");
    assertThat(confirm.templates()).containsExactly("complaint.confirm");
    assertThat(confirm.replies().get(0).asText())
        .contains("抄表")
        .contains("三个月没来抄表")
        .contains("139****5678");
    TurnOutcome done = say("c1", "确认");

    assertThat(done.templates()).containsExactly("complaint.filed");
    assertThat(done.replies().get(0).asText()).contains("TS202611270001");
    NewComplaint sent = captured();
    assertThat(sent.category()).isEqualTo(ComplaintCategory.METER_READING);
    assertThat(sent.content()).isEqualTo("三个月没来抄表，电费都是估的");
    assertThat(sent.contactPhone().value()).isEqualTo("13912345678");
    assertThat(sent.accountNo()).isNull();
    assertThat(sent.requestId()).isNotBlank();
  }

  @Test
  void aDetailedFirstMessageIsTheContentAndTheRegisteredPhoneIsOffered() {
    Complaint result = filed("TS202611270002");
    Mockito.when(complaints.file(any())).thenReturn(result);
    say("c2", "绑定户号3300000001");
    say("c2", "0001");

    TurnOutcome phone = say("c2", "我要投诉，营业厅工作人员态度很差，对老人爱理不理");
    assertThat(phone.templates()).containsExactly("complaint.ask_phone");
    assertThat(phone.replies().get(0).asText())
        .contains("用登记的电话 138****0001")
        .doesNotContain("13800000001");
    assertThat(say("c2", "1").templates()).containsExactly("complaint.confirm");
    assertThat(say("c2", "确认").templates()).containsExactly("complaint.filed");

    NewComplaint sent = captured();
    assertThat(sent.category()).isEqualTo(ComplaintCategory.SERVICE_ATTITUDE);
    assertThat(sent.content()).contains("态度很差");
    assertThat(sent.accountNo()).isEqualTo(new AccountNo("3300000001"));
    assertThat(sent.contactPhone().value()).isEqualTo("13800000001");
  }

  @Test
  void theCategoryIsAskedWhenUnclearAndCancellingFilesNothing() {
    assertThat(say("c3", "我要投诉").templates()).containsExactly("complaint.ask_category");
    assertThat(say("c3", "5").templates()).containsExactly("complaint.ask_content");
    assertThat(say("c3", "不用了，取消吧").templates()).containsExactly("complaint.cancelled");
    Mockito.verifyNoInteractions(complaints);
  }

  @Test
  void aFailingServiceIsToldHonestlyWith95598() {
    Mockito.when(complaints.file(any()))
        .thenThrow(new io.gridbot.service.account.AccountNotFound(new AccountNo("3300000001")));
    assertThat(say("c4", "我要投诉，上个月电费多收了两百块").templates()).containsExactly("complaint.ask_phone");
    say("c4", "13912345678");
    TurnOutcome done = say("c4", "确认");
    assertThat(done.templates()).containsExactly("complaint.failed");
    assertThat(done.replies().get(0).asText()).contains("95598");
  }

  @Test
  void aBalanceQuestionWhileChoosingTheCategoryIsAnsweredAndTheComplaintResumes() {
    say("c5", "绑定户号3300000001");
    say("c5", "0001");
    assertThat(say("c5", "我要投诉").templates()).containsExactly("complaint.ask_category");

    TurnOutcome side = say("c5", "我的余额还有多少");

    assertThat(side.replies()).hasSize(2);
    assertThat(side.replies().get(0).asText()).contains("12.50");
    assertThat(side.templates().get(1)).isEqualTo("complaint.ask_category");
    assertThat(say("c5", "1").templates()).containsExactly("complaint.ask_content");
  }
}
