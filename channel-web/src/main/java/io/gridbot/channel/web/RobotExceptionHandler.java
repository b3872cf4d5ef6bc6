package io.gridbot.channel.web;

import io.gridbot.dialog.store.LockTimeout;
import io.gridbot.dialog.store.StateUnavailable;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the robot chat's failures to {@link ProblemDetail}s: bad requests to 400 (Spring's own
 * handling of unreadable JSON, wrong media types etc. comes from the superclass), a busy
 * conversation to 429 and an unreachable state store to 503.
 */
@RestControllerAdvice(
    assignableTypes = {
      RobotController.class,
      MailboxController.class,
      MailboxEventsController.class,
      PhotoController.class
    })
class RobotExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(RobotExceptionHandler.class);

  @ExceptionHandler(InvalidRobotRequest.class)
  ProblemDetail invalid(InvalidRobotRequest e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid message");
    problem.setType(URI.create("urn:gridbot:problem:invalid-message"));
    problem.setProperty("field", e.field());
    return problem;
  }

  /** A body that is not JSON is a bad request like any other malformed message. */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Content-Type must be application/json");
    problem.setTitle("Invalid message");
    problem.setType(URI.create("urn:gridbot:problem:invalid-message"));
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(LockTimeout.class)
  ResponseEntity<ProblemDetail> busy(LockTimeout e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "上一条消息还在处理中，请稍后再发。");
    problem.setTitle("Conversation busy");
    problem.setType(URI.create("urn:gridbot:problem:conversation-busy"));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, "2")
        .body(problem);
  }

  @ExceptionHandler(StateUnavailable.class)
  ResponseEntity<ProblemDetail> unavailable(StateUnavailable e) {
    log.error("robot chat unavailable: {}", e.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试。紧急情况请拨打95598。");
    problem.setTitle("Service unavailable");
    problem.setType(URI.create("urn:gridbot:problem:unavailable"));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem);
  }
}
