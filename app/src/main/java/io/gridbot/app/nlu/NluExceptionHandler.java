package io.gridbot.app.nlu;

import java.net.URI;
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

/** Bad parse requests are 400 problems; Spring's own cases come from the superclass. */
@RestControllerAdvice(assignableTypes = NluParseController.class)
class NluExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidParseRequest.class)
  ProblemDetail invalid(InvalidParseRequest e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid parse request");
    problem.setType(URI.create("urn:gridbot:problem:invalid-parse-request"));
    problem.setProperty("field", e.field());
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Content-Type must be application/json");
    problem.setTitle("Invalid parse request");
    problem.setType(URI.create("urn:gridbot:problem:invalid-parse-request"));
    return ResponseEntity.badRequest().body(problem);
  }
}
