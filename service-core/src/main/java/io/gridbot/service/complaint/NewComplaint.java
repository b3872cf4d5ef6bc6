package io.gridbot.service.complaint;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.repair.ContactPhone;
import java.util.Objects;

/**
 * A complaint as the dialog collected it.
 *
 * @param requestId identifies the customer's request: filing again with the same id returns the
 *     first complaint instead of a second one; 1 to 64 characters, or null for none
 * @param reporter who filed it; the complaint's answers go to them
 * @param accountNo the account it is about, or null
 * @param content what happened, 1 to 1000 characters, not blank
 * @param contactPhone whom staff call back
 * @throws IllegalArgumentException if a rule above is broken
 * @throws NullPointerException if reporter, category, content or contactPhone is null
 */
public record NewComplaint(
    String requestId,
    ChannelUser reporter,
    AccountNo accountNo,
    ComplaintCategory category,
    String content,
    ContactPhone contactPhone) {

  public NewComplaint {
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contactPhone, "contactPhone");
    if (requestId != null && (requestId.isBlank() || requestId.length() > 64)) {
      throw new IllegalArgumentException("request id must be 1 to 64 characters");
    }
    content = content.strip();
    if (content.isEmpty() || content.length() > 1000) {
      throw new IllegalArgumentException("content must be 1 to 1000 characters and not blank");
    }
  }
}
