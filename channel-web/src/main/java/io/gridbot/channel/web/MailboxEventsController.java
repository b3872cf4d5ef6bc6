package io.gridbot.channel.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The page's live feed of replies sent outside its own messages (an agent's answers, notices), as
 * Server-Sent Events; {@code GET /api/robot/messages} remains for pages that poll.
 */
@RestController
class MailboxEventsController {

  private final MailboxStreams streams;

  MailboxEventsController(MailboxStreams streams) {
    this.streams = streams;
  }

  /**
   * @param after the number of the last message the page has (0 at first)
   * @param lastEventId sent by a reconnecting browser; wins over {@code after}
   */
  @GetMapping(path = "/api/robot/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(
      @RequestParam(required = false) String sessionId,
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    RobotRequest.validateSessionId(sessionId);
    long from = after;
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        from = Long.parseLong(lastEventId.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRobotRequest("Last-Event-ID", "must be a message number");
      }
    }
    if (from < 0) {
      throw new InvalidRobotRequest("after", "must not be negative");
    }
    return streams.open(sessionId, from);
  }

  @ExceptionHandler(MailboxStreams.TooManyStreams.class)
  ResponseEntity<ProblemDetail> tooMany(MailboxStreams.TooManyStreams e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试。");
    problem.setTitle("Too many streams");
    problem.setType(URI.create("urn:gridbot:problem:too-many-streams"));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "10")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
