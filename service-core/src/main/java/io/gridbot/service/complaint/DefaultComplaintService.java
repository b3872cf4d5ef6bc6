package io.gridbot.service.complaint;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.outage.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultComplaintService implements ComplaintService {

  static final String CUSTOMER = "customer";
  static final int MAX_BY_REPORTER = 100;
  static final int MAX_IN_STATE = 1000;

  private static final Logger log = LoggerFactory.getLogger(DefaultComplaintService.class);

  private final ComplaintMapper complaints;
  private final AccountService accounts;

  DefaultComplaintService(ComplaintMapper complaints, AccountService accounts) {
    this.complaints = complaints;
    this.accounts = accounts;
  }

  @Override
  public Complaint file(NewComplaint complaint) {
    Objects.requireNonNull(complaint, "complaint");
    if (complaint.requestId() != null) {
      Optional<ComplaintRow> earlier = complaints.findByRequest(complaint.requestId());
      if (earlier.isPresent()) {
        return earlier.get().toComplaint();
      }
    }
    if (complaint.accountNo() != null && accounts.find(complaint.accountNo()).isEmpty()) {
      throw new AccountNotFound(complaint.accountNo());
    }
    Instant now = now();
    LocalDate day = ChinaTime.dayOf(now);
    complaints.incrementSequence(day);
    ComplaintNo no = ComplaintNo.of(day, complaints.currentSequence(day));
    ComplaintMapper.NewRow row = new ComplaintMapper.NewRow(no, complaint, now);
    complaints.insert(row);
    long id = Objects.requireNonNull(row.id, "generated complaint id");
    complaints.insertEvent(id, null, ComplaintState.RECEIVED, CUSTOMER, null, now);
    log.info(
        "complaint {} ({}) filed by {} user, phone {}",
        no,
        complaint.category(),
        complaint.reporter().channel(),
        complaint.contactPhone().masked());
    return complaints.findByNo(no.value()).orElseThrow().toComplaint();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Complaint> find(ComplaintNo no) {
    Objects.requireNonNull(no, "no");
    return complaints.findByNo(no.value()).map(ComplaintRow::toComplaint);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Complaint> filedBy(ChannelUser reporter, int limit) {
    Objects.requireNonNull(reporter, "reporter");
    if (limit < 1 || limit > MAX_BY_REPORTER) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_BY_REPORTER + ": " + limit);
    }
    return complaints.findByReporter(reporter, limit).stream()
        .map(ComplaintRow::toComplaint)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<Complaint> inState(ComplaintState state, int offset, int limit) {
    Objects.requireNonNull(state, "state");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    if (limit < 1 || limit > MAX_IN_STATE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_IN_STATE + ": " + limit);
    }
    return complaints.findInState(state, offset, limit).stream()
        .map(ComplaintRow::toComplaint)
        .toList();
  }

  @Override
  public Complaint startHandling(ComplaintNo no, StaffId by, String note) {
    return move(no, by, ComplaintState.HANDLING, note);
  }

  @Override
  public Complaint close(ComplaintNo no, StaffId by, String note) {
    return move(no, by, ComplaintState.CLOSED, note);
  }

  @Override
  @Transactional(readOnly = true)
  public List<ComplaintEvent> history(ComplaintNo no) {
    Objects.requireNonNull(no, "no");
    ComplaintRow row = complaints.findByNo(no.value()).orElseThrow(() -> new ComplaintNotFound(no));
    return complaints.findEvents(row.id());
  }

  private Complaint move(ComplaintNo no, StaffId by, ComplaintState to, String note) {
    Objects.requireNonNull(no, "no");
    Objects.requireNonNull(by, "by");
    if (note != null && note.length() > 500) {
      throw new IllegalArgumentException("note must be at most 500 characters");
    }
    ComplaintRow row = complaints.lock(no.value()).orElseThrow(() -> new ComplaintNotFound(no));
    if (!row.state().canMoveTo(to)) {
      throw new ComplaintTransitionNotAllowed(no, row.state(), to);
    }
    Instant now = now();
    complaints.moveTo(row.id(), to, now);
    complaints.insertEvent(row.id(), row.state(), to, by.value(), note, now);
    log.info("complaint {} moved from {} to {} by {}", no, row.state(), to, by.value());
    return complaints.findByNo(no.value()).orElseThrow().toComplaint();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
