package io.gridbot.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.repair.ContactPhone;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Complaints on MariaDB, checked with plain JDBC. */
@SpringBootTest
@ActiveProfiles("it")
class ComplaintServiceIT {

  private static final StaffId STAFF = new StaffId("cs01");

  @Autowired ComplaintService complaints;
  @Autowired JdbcTemplate jdbc;

  private static ChannelUser newUser() {
    return new ChannelUser("wechat", "oComplaint" + UUID.randomUUID());
  }

  private static NewComplaint complaint(String requestId, ChannelUser user, String account) {
    return new NewComplaint(
        requestId,
        user,
        account == null ? null : new AccountNo(account),
        ComplaintCategory.METER_READING,
        "抄表员没来，电费是估的",
        new ContactPhone("13800000001"));
  }

  @Test
  void filing_stores_a_received_complaint_with_a_ts_number_and_its_first_event() {
    // given
    ChannelUser user = newUser();

    // when
    Complaint filed = complaints.file(complaint(null, user, "3300000001"));

    // then
    assertThat(filed.complaintNo().value()).matches("TS[0-9]{12,14}");
    assertThat(filed.state()).isEqualTo(ComplaintState.RECEIVED);
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT reporter_user_id, account_no, category, content, contact_phone, state"
                + " FROM complaint WHERE complaint_no = ?",
            filed.complaintNo().value());
    assertThat(row)
        .containsEntry("reporter_user_id", user.userId())
        .containsEntry("account_no", "3300000001")
        .containsEntry("category", "METER_READING")
        .containsEntry("content", "抄表员没来，电费是估的")
        .containsEntry("contact_phone", "13800000001")
        .containsEntry("state", "RECEIVED");
    assertThat(complaints.history(filed.complaintNo()))
        .extracting(ComplaintEvent::to, ComplaintEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ComplaintState.RECEIVED, "customer"));
  }

  @Test
  void numbers_of_one_day_count_up_and_a_request_is_filed_once() {
    ChannelUser user = newUser();
    String request = "req-" + UUID.randomUUID();

    Complaint first = complaints.file(complaint(request, user, null));
    Complaint again = complaints.file(complaint(request, user, null));
    Complaint second = complaints.file(complaint(null, user, null));

    assertThat(again.complaintNo()).isEqualTo(first.complaintNo());
    assertThat(second.complaintNo().value()).isGreaterThan(first.complaintNo().value());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM complaint WHERE reporter_user_id = ?",
                Integer.class,
                user.userId()))
        .isEqualTo(2);
    assertThat(complaints.filedBy(user, 10))
        .extracting(Complaint::complaintNo)
        .containsExactly(second.complaintNo(), first.complaintNo());
  }

  @Test
  void staff_take_up_and_close_a_complaint_and_cannot_reopen_it() {
    Complaint filed = complaints.file(complaint(null, newUser(), null));

    Complaint handling = complaints.startHandling(filed.complaintNo(), STAFF, "已联系客户");
    Complaint closed = complaints.close(filed.complaintNo(), STAFF, "已重新抄表");

    assertThat(handling.state()).isEqualTo(ComplaintState.HANDLING);
    assertThat(closed.state()).isEqualTo(ComplaintState.CLOSED);
    assertThat(
            jdbc.queryForObject(
                "SELECT state FROM complaint WHERE complaint_no = ?",
                String.class,
                filed.complaintNo().value()))
        .isEqualTo("CLOSED");
    List<ComplaintEvent> history = complaints.history(filed.complaintNo());
    assertThat(history)
        .extracting(ComplaintEvent::to)
        .containsExactly(ComplaintState.RECEIVED, ComplaintState.HANDLING, ComplaintState.CLOSED);
    assertThat(history.get(2).note()).isEqualTo("已重新抄表");
    assertThat(history.get(2).actor()).isEqualTo("cs01");
    assertThatThrownBy(() -> complaints.startHandling(filed.complaintNo(), STAFF, null))
        .isInstanceOf(ComplaintTransitionNotAllowed.class);
    assertThat(complaints.inState(ComplaintState.CLOSED, 0, 1000))
        .extracting(Complaint::complaintNo)
        .contains(filed.complaintNo());
    assertThat(complaints.inState(ComplaintState.RECEIVED, 0, 1000))
        .extracting(Complaint::complaintNo)
        .doesNotContain(filed.complaintNo());
  }

  @Test
  void unknown_complaints_and_accounts_are_refused() {
    ComplaintNo missing = new ComplaintNo("TS199901010001");
    assertThatThrownBy(() -> complaints.close(missing, STAFF, null))
        .isInstanceOf(ComplaintNotFound.class);
    assertThatThrownBy(() -> complaints.history(missing)).isInstanceOf(ComplaintNotFound.class);
    assertThat(complaints.find(missing)).isEmpty();
    assertThatThrownBy(() -> complaints.file(complaint(null, newUser(), "3399999999")))
        .isInstanceOf(AccountNotFound.class);
    assertThatThrownBy(() -> complaints.filedBy(newUser(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
