package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class StaffExceptionHandlerTest {

  @ParameterizedTest
  @CsvSource({
    "account.not-found, NOT_FOUND",
    "ticket.not-found, NOT_FOUND",
    "ticket.illegal-transition, CONFLICT",
    "repair.transition-not-allowed, CONFLICT",
    "payment.transition-refused, CONFLICT",
    "appointment.slot-full, CONFLICT",
    "points.out-of-stock, CONFLICT",
    "payment.already-refunded, CONFLICT",
    "payment.amount-mismatch, BAD_REQUEST",
    "binding.verification-failed, BAD_REQUEST",
  })
  void codesMapToStatuses(String code, HttpStatus status) {
    assertThat(StaffExceptionHandler.statusOf(code)).isEqualTo(status);
  }

  @Test
  void anInvalidFieldIsA400ProblemNamingTheField() {
    org.springframework.http.ProblemDetail problem =
        new StaffExceptionHandler().business(new InvalidField("limit", "must be 1 to 500"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("limit: must be 1 to 500");
    assertThat(problem.getProperties())
        .containsEntry("field", "limit")
        .containsEntry("code", "request.invalid-field");
  }
}
