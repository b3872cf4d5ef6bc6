package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the business's exceptions to problems, once, for the whole staff API: a code ending in
 * {@code not-found} is a 404; one naming a conflict with the current state ({@code
 * illegal-transition}, {@code conflict}, {@code full}, {@code out-of-stock}, {@code already-…}) a
 * 409; any other business rule a 400.
 *
 * <p>Every 400 names the offending {@code field} and says the rule in its {@code detail} ({@code
 * "<field>: <rule>"}) without repeating the value: an {@link InvalidField} names its own; Spring
 * MVC's and Jackson's refusals (a body that is not JSON, a mistyped property, a query parameter or
 * path variable that does not convert, a missing parameter) are named by {@link FieldRule}. A rule
 * a controller did not check first (an {@link IllegalArgumentException} or a 400-class business
 * code from deeper down) names {@code request}, and is logged so that the controller learns to
 * check it.
 */
@RestControllerAdvice(basePackages = "io.gridbot.app.staff")
class StaffExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(StaffExceptionHandler.class);

  @ExceptionHandler(ServiceException.class)
  ProblemDetail business(ServiceException e) {
    HttpStatus status = statusOf(e.code());
    log.info("staff request refused: {} ({})", e.code(), e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.code());
    problem.setType(URI.create("urn:gridbot:problem:" + e.code()));
    problem.setProperty("code", e.code());
    if (e instanceof InvalidField invalid) {
      problem.setProperty("field", invalid.field());
    } else if (status == HttpStatus.BAD_REQUEST) {
      log.warn("staff 400 without a field: {} is not checked by its controller", e.code());
      problem.setProperty("field", FieldRule.REQUEST);
    }
    return problem;
  }

  /** A rule of service-core that the controller did not check first; its message stays in logs. */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    log.warn("staff 400 without a field, not checked by its controller: {}", e.getMessage());
    return fieldProblem(
        ProblemDetail.forStatus(HttpStatus.BAD_REQUEST),
        new FieldRule(FieldRule.REQUEST, "breaks a rule of the service"));
  }

  /** Names the field of every 400 that Spring MVC raises before or while calling a controller. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, status, request);
    if (response != null
        && status.value() == HttpStatus.BAD_REQUEST.value()
        && response.getBody() instanceof ProblemDetail problem) {
      FieldRule refused = FieldRule.of(ex);
      log.info("staff request refused: {}: {}", refused.field(), refused.rule());
      fieldProblem(problem, refused);
    }
    return response;
  }

  /** Makes {@code problem} the same 400 an {@link InvalidField} gives. */
  static ProblemDetail fieldProblem(ProblemDetail problem, FieldRule refused) {
    problem.setDetail(refused.field() + ": " + refused.rule());
    problem.setTitle(InvalidField.CODE);
    problem.setType(URI.create("urn:gridbot:problem:" + InvalidField.CODE));
    problem.setProperty("code", InvalidField.CODE);
    problem.setProperty("field", refused.field());
    return problem;
  }

  static HttpStatus statusOf(String code) {
    if (code.endsWith("not-found")) {
      return HttpStatus.NOT_FOUND;
    }
    if (code.contains("transition")
        || code.contains("conflict")
        || code.endsWith("full")
        || code.contains("out-of-stock")
        || code.contains("already-")) {
      return HttpStatus.CONFLICT;
    }
    return HttpStatus.BAD_REQUEST;
  }
}
