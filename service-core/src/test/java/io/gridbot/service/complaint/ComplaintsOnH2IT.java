package io.gridbot.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.repair.ContactPhone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The complaint migration and SQL (the sequence upsert, LIMIT/OFFSET) on H2 in MySQL mode. */
@SpringBootTest
@ActiveProfiles("h2")
class ComplaintsOnH2IT {

  @Autowired ComplaintService complaints;

  @Test
  void a_complaint_is_filed_numbered_and_closed() {
    ChannelUser user = new ChannelUser("web", "h2-complaint-user");
    NewComplaint complaint =
        new NewComplaint(
            null, user, null, ComplaintCategory.BILLING, "电费突然变高", new ContactPhone("13800000002"));

    Complaint first = complaints.file(complaint);
    Complaint second = complaints.file(complaint);
    complaints.close(first.complaintNo(), new StaffId("cs01"), null);

    assertThat(second.complaintNo().value()).isGreaterThan(first.complaintNo().value());
    assertThat(complaints.find(first.complaintNo()).orElseThrow().state())
        .isEqualTo(ComplaintState.CLOSED);
    assertThat(complaints.inState(ComplaintState.RECEIVED, 0, 10))
        .extracting(Complaint::complaintNo)
        .contains(second.complaintNo());
  }
}
