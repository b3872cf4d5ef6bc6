package io.gridbot.app.staff;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.NoOutbound;
import io.gridbot.dialog.channel.OutboundRouter;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.intents.handoff.HandoffNotices;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.conversation.ConversationLogEntry;
import io.gridbot.service.conversation.ConversationLogService;
import io.gridbot.service.conversation.Direction;
import io.gridbot.service.handoff.Handoff;
import io.gridbot.service.handoff.HandoffNotFound;
import io.gridbot.service.handoff.HandoffService;
import io.gridbot.service.handoff.QueuedHandoff;
import io.gridbot.service.outage.StaffId;
import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Human agents take conversations from the robot: the queue, claim, the conversation so far, answer
 * the customer on their channel, give the conversation back. Only the agent holding a conversation
 * answers in it or releases it.
 */
@RestController
@RequestMapping("/api/staff/handoffs")
class HandoffStaffController {

  static final int MAX_REPLY = ConversationLogEntry.MAX_TEXT_LENGTH;
  private static final Logger log = LoggerFactory.getLogger(HandoffStaffController.class);

  private final HandoffService handoffs;
  private final ConversationLogService conversationLog;
  private final OutboundRouter outbound;
  private final HandoffNotices notices;
  private final Clock clock = Clock.systemUTC();

  HandoffStaffController(
      HandoffService handoffs,
      ConversationLogService conversationLog,
      OutboundRouter outbound,
      HandoffNotices notices) {
    this.handoffs = handoffs;
    this.conversationLog = conversationLog;
    this.outbound = outbound;
    this.notices = notices;
  }

  record HandoffView(
      long id,
      String channel,
      String channelUserId,
      String state,
      String reason,
      String lastText,
      String agent,
      Instant queuedAt,
      Instant claimedAt,
      Instant closedAt) {
    static HandoffView of(Handoff h) {
      return new HandoffView(
          h.id(),
          h.channel(),
          h.channelUserId(),
          h.state().name(),
          h.reason(),
          h.lastText(),
          h.agent(),
          h.queuedAt(),
          h.claimedAt(),
          h.closedAt());
    }
  }

  /** A waiting conversation; {@code waitingSeconds} so far, position 1 waits longest. */
  record QueueItem(int position, long waitingSeconds, HandoffView handoff) {
    static QueueItem of(QueuedHandoff q) {
      return new QueueItem(q.position(), q.waiting().toSeconds(), HandoffView.of(q.handoff()));
    }
  }

  record Message(String direction, String text, String intent, BigDecimal confidence, Instant at) {
    static Message of(ConversationLogEntry e) {
      return new Message(e.direction().name(), e.text(), e.intent(), e.confidence(), e.at());
    }
  }

  /** An agent's answer to the customer, 1 to {@value #MAX_REPLY} characters. */
  record AgentReply(String text) {}

  @GetMapping
  List<QueueItem> queue(@RequestParam(defaultValue = "50") int limit) {
    return handoffs.queue(Math.min(Math.max(limit, 1), 500)).stream().map(QueueItem::of).toList();
  }

  @GetMapping("/{id}")
  HandoffView handoff(@PathVariable long id) {
    return handoffs.find(id).map(HandoffView::of).orElseThrow(() -> new HandoffNotFound(id));
  }

  @PostMapping("/{id}/claim")
  HandoffView claim(@PathVariable long id, Principal staff) {
    return HandoffView.of(handoffs.claim(id, staffId(staff)));
  }

  /** The conversation's latest messages, oldest first. */
  @GetMapping("/{id}/history")
  List<Message> history(@PathVariable long id, @RequestParam(defaultValue = "100") int limit) {
    Handoff handoff = handoffs.find(id).orElseThrow(() -> new HandoffNotFound(id));
    return conversationLog
        .history(handoff.channel(), handoff.channelUserId(), Math.min(Math.max(limit, 1), 1000))
        .stream()
        .map(Message::of)
        .toList();
  }

  @PostMapping("/{id}/reply")
  HandoffView reply(@PathVariable long id, @RequestBody AgentReply reply, Principal staff) {
    String text = reply == null || reply.text() == null ? "" : reply.text().strip();
    if (text.isEmpty()) {
      throw new InvalidField("text", "is required and must not be blank");
    }
    if (text.length() > MAX_REPLY) {
      throw new InvalidField("text", "must be at most " + MAX_REPLY + " characters");
    }
    Handoff handoff = handoffs.heldBy(id, staffId(staff));
    deliver(handoff, List.of(Reply.text(text)));
    log.info("handoff {}: {} answered", id, staff.getName());
    return HandoffView.of(handoff);
  }

  /** Gives the conversation back to the robot and tells the customer so. */
  @PostMapping("/{id}/release")
  HandoffView release(@PathVariable long id, Principal staff) {
    Handoff released = handoffs.release(id, staffId(staff));
    try {
      deliver(released, notices.released());
    } catch (NoOutbound e) {
      // the robot answers again from the customer's next message; the release stands
      log.warn("handoff {} released without telling the customer: {}", id, e.getMessage());
    }
    return HandoffView.of(released);
  }

  @ExceptionHandler(NoOutbound.class)
  ProblemDetail unreachable(NoOutbound e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "replies cannot be delivered to channel " + e.channel() + " yet");
    problem.setTitle("handoff.channel-unreachable");
    problem.setType(URI.create("urn:gridbot:problem:handoff.channel-unreachable"));
    problem.setProperty("code", "handoff.channel-unreachable");
    return problem;
  }

  /** Sends the replies to the customer, then keeps them in the conversation log. */
  private void deliver(Handoff handoff, List<Reply> replies) {
    ChannelUser user = handoff.user();
    outbound.send(new ConversationId(user.channel(), user.userId()), replies);
    Instant now = clock.instant();
    conversationLog.recordAll(
        replies.stream()
            .map(
                r ->
                    ConversationLogEntry.of(user, Direction.OUT, null, r.asText(), null, null, now))
            .toList());
  }

  private static StaffId staffId(Principal principal) {
    return new StaffId(principal.getName());
  }
}
