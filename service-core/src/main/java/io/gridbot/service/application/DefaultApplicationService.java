package io.gridbot.service.application;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.AccountService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.account.OnlineServiceUsed;
import io.gridbot.service.application.ApplicationMapper.ApplicationLock;
import io.gridbot.service.application.ApplicationMapper.ApplicationRow;
import io.gridbot.service.notification.NotificationPublisher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Steps lock the application row first, so concurrent steps of one application run one by one. */
@Service
@Transactional
class DefaultApplicationService implements ApplicationService {

  private static final Logger log = LoggerFactory.getLogger(DefaultApplicationService.class);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int MAX_LISTED = 50;
  private static final int MAX_REASON = 500;
  private static final int NUMBER_ATTEMPTS = 3;

  private final ApplicationMapper applications;
  private final AccountService accounts;
  private final NotificationPublisher publisher;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DefaultApplicationService(
      ApplicationMapper applications,
      AccountService accounts,
      NotificationPublisher publisher,
      ApplicationEventPublisher events,
      ObjectProvider<Clock> clock) {
    this.applications = applications;
    this.accounts = accounts;
    this.publisher = publisher;
    this.events = events;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public Application submit(ApplicationRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.account() != null && accounts.find(request.account()).isEmpty()) {
      throw new AccountNotFound(request.account());
    }
    Instant now = now();
    ApplicationNo no = insert(request, now);
    ApplicationRow row = applications.find(no).orElseThrow();
    List<String> documents = request.documents();
    for (int i = 0; i < documents.size(); i++) {
      applications.insertDocument(row.id(), i + 1, documents.get(i));
    }
    applications.insertEvent(row.id(), ApplicationState.SUBMITTED, null, now);
    Application application = row.withDocuments(documents);
    log.info(
        "application {} SUBMITTED: {} by {} ({}, {}), account {}",
        no,
        request.type(),
        application.maskedName(),
        request.applicant().channel(),
        application.maskedPhone(),
        request.account() == null ? "-" : request.account().masked());
    publish(application);
    if (request.account() != null) {
      events.publishEvent(
          new OnlineServiceUsed(request.account(), "application:" + no, request.applicant()));
    }
    return application;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Application> find(ApplicationNo no) {
    return applications.find(Objects.requireNonNull(no, "no")).map(this::withDocuments);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Application> applicationsOf(ChannelUser applicant) {
    return applications
        .findByApplicant(Objects.requireNonNull(applicant, "applicant"), MAX_LISTED)
        .stream()
        .map(this::withDocuments)
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ApplicationEvent> history(ApplicationNo no) {
    Objects.requireNonNull(no, "no");
    ApplicationRow row = applications.find(no).orElseThrow(() -> new ApplicationNotFound(no));
    return applications.findEvents(row.id());
  }

  @Override
  public Application advance(ApplicationNo no, ApplicationState to, String note) {
    Objects.requireNonNull(to, "to");
    if (to == ApplicationState.SUBMITTED || to == ApplicationState.REJECTED) {
      throw new IllegalArgumentException(
          "advance moves on to ACCEPTED, SURVEY, APPROVED or CONNECTED");
    }
    String stripped = note == null || note.isBlank() ? null : note.strip();
    if (stripped != null && stripped.length() > MAX_REASON) {
      throw new IllegalArgumentException("note must be at most " + MAX_REASON + " characters");
    }
    return step(no, to, null, stripped);
  }

  @Override
  public Application accept(ApplicationNo no) {
    return step(no, ApplicationState.ACCEPTED, null);
  }

  @Override
  public Application startSurvey(ApplicationNo no) {
    return step(no, ApplicationState.SURVEY, null);
  }

  @Override
  public Application approve(ApplicationNo no) {
    return step(no, ApplicationState.APPROVED, null);
  }

  @Override
  public Application connect(ApplicationNo no) {
    return step(no, ApplicationState.CONNECTED, null);
  }

  @Override
  public Application reject(ApplicationNo no, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    String stripped = reason.strip();
    if (stripped.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
    }
    return step(no, ApplicationState.REJECTED, stripped);
  }

  private Application step(ApplicationNo no, ApplicationState to, String reason) {
    return step(no, to, reason, reason);
  }

  /** Moves on; {@code reason} is the application's (a rejection's), {@code note} the event's. */
  private Application step(ApplicationNo no, ApplicationState to, String reason, String note) {
    Objects.requireNonNull(no, "no");
    ApplicationLock lock = applications.lock(no).orElseThrow(() -> new ApplicationNotFound(no));
    if (!lock.state().canMoveTo(to, lock.type())) {
      throw new IllegalApplicationTransition(no, lock.type(), lock.state(), to);
    }
    Instant now = now();
    applications.updateState(lock.id(), lock.state(), to, reason, now);
    applications.insertEvent(lock.id(), to, note, now);
    Application application = withDocuments(applications.find(no).orElseThrow());
    log.info("application {} ({}) {} -> {}", no, lock.type(), lock.state(), to);
    publish(application);
    return application;
  }

  private ApplicationNo insert(ApplicationRequest request, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, CHINA);
    for (int attempt = 1; ; attempt++) {
      ApplicationNo no = ApplicationNo.next(today);
      try {
        applications.insert(no, request, now);
        return no;
      } catch (DuplicateKeyException e) {
        // only the random number can collide; a statement error keeps the transaction
        if (attempt == NUMBER_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Application withDocuments(ApplicationRow row) {
    return row.withDocuments(applications.findDocuments(row.id()));
  }

  private void publish(Application application) {
    publisher.toUser(application.applicant(), ApplicationNotices.stateReached(application));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
