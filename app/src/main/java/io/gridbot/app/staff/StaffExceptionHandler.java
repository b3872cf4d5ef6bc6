package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps the business's exceptions to problems, once, for the whole staff API: a code ending in
 * {@code not-found} is a 404; one naming a conflict with the current state ({@code
 * illegal-transition}, {@code conflict}, {@code full}, {@code out-of-stock}, {@code already-…}) a
 * 409; any other business rule a 400 (an {@link InvalidField} names its {@code field}). Bad JSON
 * and bean validation come from the superclass as 400 problems.
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
    }
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail invalid(IllegalArgumentException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
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
