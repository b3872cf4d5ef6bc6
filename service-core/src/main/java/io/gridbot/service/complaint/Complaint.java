package io.gridbot.service.complaint;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import java.time.Instant;
import java.util.Objects;

/**
 * A filed complaint.
 *
 * @param accountNo the account it is about, or null
 */
public record Complaint(
    ComplaintNo complaintNo,
    ChannelUser reporter,
    AccountNo accountNo,
    ComplaintCategory category,
    String content,
    ContactPhone contactPhone,
    ComplaintState state,
    Instant createdAt,
    Instant updatedAt) {

  public Complaint {
    Objects.requireNonNull(complaintNo, "complaintNo");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contactPhone, "contactPhone");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
