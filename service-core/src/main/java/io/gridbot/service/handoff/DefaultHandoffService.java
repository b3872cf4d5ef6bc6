package io.gridbot.service.handoff;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultHandoffService implements HandoffService {

  static final int MAX_LAST_TEXT = 255;
  static final int MAX_QUEUE = 500;
  private static final int MAX_REASON = 32;
  // account numbers, phone numbers and ids; short numbers (amounts, dates) stay readable
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{5,}");
  private static final Logger log = LoggerFactory.getLogger(DefaultHandoffService.class);

  private final HandoffMapper handoffs;
  private final Clock clock;

  DefaultHandoffService(HandoffMapper handoffs, ObjectProvider<Clock> clock) {
    this.handoffs = handoffs;
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Handoff> open(ChannelUser user) {
    return Optional.ofNullable(handoffs.findOpen(openKey(user)));
  }

  @Override
  public Handoff enqueue(ChannelUser user, String reason, String lastText) {
    Objects.requireNonNull(user, "user");
    if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON + " characters");
    }
    Handoff handoff =
        new Handoff(
            0,
            user.channel(),
            user.userId(),
            HandoffState.QUEUED,
            reason,
            mask(lastText),
            null,
            now(),
            null,
            null);
    if (handoffs.insertIfNoneOpen(handoff, openKey(user)) == 1) {
      log.info("handoff of {}:{} queued ({})", user.channel(), hidden(user.userId()), reason);
    }
    Handoff open = handoffs.findOpen(openKey(user));
    if (open == null) {
      // the open one closed between the insert and the read: a rare race, the caller may retry
      throw new IllegalStateException("handoff of " + user.channel() + " user changed meanwhile");
    }
    return open;
  }

  @Override
  public void leave(ChannelUser user) {
    if (handoffs.leave(openKey(user), now()) == 1) {
      log.info("handoff of {}:{} left by the customer", user.channel(), hidden(user.userId()));
    }
  }

  @Override
  @Transactional(readOnly = true)
  public List<QueuedHandoff> queue(int limit) {
    if (limit < 1 || limit > MAX_QUEUE) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_QUEUE + ", got " + limit);
    }
    Instant now = clock.instant();
    List<QueuedHandoff> queue = new ArrayList<>();
    for (Handoff h : handoffs.findQueued(limit)) {
      Duration waiting = Duration.between(h.queuedAt(), now);
      queue.add(
          new QueuedHandoff(h, queue.size() + 1, waiting.isNegative() ? Duration.ZERO : waiting));
    }
    return queue;
  }

  @Override
  public Handoff claim(long id, StaffId staff) {
    Objects.requireNonNull(staff, "staff");
    handoffs.lockById(id); // agents racing for one handoff take turns on its row
    if (handoffs.claim(id, staff.value(), now()) == 1) {
      log.info("handoff {} claimed by {}", id, staff);
      return handoffs.findById(id);
    }
    Handoff handoff = require(id);
    if (handoff.state() == HandoffState.HELD && staff.value().equals(handoff.agent())) {
      return handoff;
    }
    throw new HandoffAlreadyTaken(id, handoff.state());
  }

  @Override
  @Transactional(readOnly = true)
  public Handoff heldBy(long id, StaffId staff) {
    Objects.requireNonNull(staff, "staff");
    Handoff handoff = require(id);
    if (handoff.state() != HandoffState.HELD || !staff.value().equals(handoff.agent())) {
      throw new HandoffNotHeldByStaff(id, staff, handoff.state());
    }
    return handoff;
  }

  @Override
  public Handoff release(long id, StaffId staff) {
    Objects.requireNonNull(staff, "staff");
    handoffs.lockById(id);
    if (handoffs.release(id, staff.value(), now()) == 1) {
      log.info("handoff {} released by {}", id, staff);
      return handoffs.findById(id);
    }
    throw new HandoffNotHeldByStaff(id, staff, require(id).state());
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Handoff> find(long id) {
    return Optional.ofNullable(handoffs.findById(id));
  }

  private Handoff require(long id) {
    Handoff handoff = handoffs.findById(id);
    if (handoff == null) {
      throw new HandoffNotFound(id);
    }
    return handoff;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String openKey(ChannelUser user) {
    return user.channel() + ":" + user.userId();
  }

  /** Hides the middle of every run of five or more digits and cuts the text to its column. */
  static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = LONG_DIGITS.matcher(text);
    StringBuilder masked = new StringBuilder();
    while (m.find()) {
      String digits = m.group();
      m.appendReplacement(
          masked,
          digits.substring(0, 2)
              + "*".repeat(digits.length() - 4)
              + digits.substring(digits.length() - 2));
    }
    m.appendTail(masked);
    if (masked.length() <= MAX_LAST_TEXT) {
      return masked.toString();
    }
    int end = MAX_LAST_TEXT;
    if (Character.isHighSurrogate(masked.charAt(end - 1))) {
      end--;
    }
    return masked.substring(0, end);
  }

  private static String hidden(String userId) {
    return userId.length() <= 6 ? userId.charAt(0) + "***" : userId.substring(0, 3) + "***";
  }
}
