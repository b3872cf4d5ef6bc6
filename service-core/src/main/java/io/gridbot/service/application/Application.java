package io.gridbot.service.application;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An application as it stands. Name and phone are personal data: log them masked only ({@link
 * #maskedName()}, {@link #maskedPhone()}).
 *
 * @param account the account, or null for types that need none
 * @param requestedKw kW, scale 2; null for types without capacity
 * @param documents media references in upload order
 * @param rejectReason why it was rejected; null unless REJECTED
 */
public record Application(
    ApplicationNo no,
    ApplicationType type,
    ChannelUser applicant,
    String applicantName,
    String idLast4,
    String phone,
    String address,
    AccountNo account,
    BigDecimal requestedKw,
    List<String> documents,
    ApplicationState state,
    String rejectReason,
    Instant submittedAt) {

  public Application {
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(applicant, "applicant");
    Objects.requireNonNull(applicantName, "applicantName");
    Objects.requireNonNull(idLast4, "idLast4");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(address, "address");
    documents = List.copyOf(documents);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(submittedAt, "submittedAt");
  }

  /** The name for logs: {@code 张*}. */
  public String maskedName() {
    return Pii.maskName(applicantName);
  }

  /** The phone for logs: {@code 138****5678}. */
  public String maskedPhone() {
    return Pii.maskPhone(phone);
  }
}
