package io.gridbot.service.complaint;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import java.time.Instant;

/** A complaint row as stored. */
record ComplaintRow(
    long id,
    String complaintNo,
    ChannelUser reporter,
    AccountNo accountNo,
    ComplaintCategory category,
    String content,
    String contactPhone,
    ComplaintState state,
    Instant createdAt,
    Instant updatedAt) {

  Complaint toComplaint() {
    return new Complaint(
        new ComplaintNo(complaintNo),
        reporter,
        accountNo,
        category,
        content,
        new ContactPhone(contactPhone),
        state,
        createdAt,
        updatedAt);
  }
}
