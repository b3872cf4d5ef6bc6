package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.points.InsufficientPoints;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class StaffExceptionHandlerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final StaffExceptionHandler handler = new StaffExceptionHandler();

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
    ProblemDetail problem = handler.business(new InvalidField("limit", "must be 1 to 500"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getDetail()).isEqualTo("limit: must be 1 to 500");
    assertThat(problem.getProperties())
        .containsEntry("field", "limit")
        .containsEntry("code", "request.invalid-field");
  }

  @Test
  void aBusinessRefusalOfAFieldKeepsItsCodeAndNamesTheField() {
    // given the points service refused a correction for want of points
    InsufficientPoints refused = new InsufficientPoints(new AccountNo("3300000001"), 5, 20);

    // when the controller names the field
    ProblemDetail problem = handler.business(new InvalidField("delta", refused));

    // then the problem is a 400 with the business code, the field and the masked message
    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties())
        .containsEntry("field", "delta")
        .containsEntry("code", "points.insufficient");
    assertThat(problem.getDetail()).startsWith("delta: ").doesNotContain("3300000001");
  }

  @Test
  void anUncheckedRuleFromDeeperDownNamesTheRequestWithoutRepeatingTheMessage() {
    ProblemDetail problem =
        handler.invalid(new IllegalArgumentException("staff id must be 1 to 48, got s3cret!"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsEntry("field", "request");
    assertThat(problem.getDetail()).startsWith("request: ").doesNotContain("s3cret");
  }

  @Test
  void aMistypedBodyPropertyNamesItsPath() {
    ProblemDetail problem =
        unreadable(
            "{\"areas\":[\"CN-1\"],\"endsAt\":\"tomorrow\",\"reason\":\"x\"}",
            OutageStaffController.NewOutage.class);

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties())
        .containsEntry("field", "endsAt")
        .containsEntry("code", "request.invalid-field");
    assertThat(problem.getDetail())
        .isEqualTo("endsAt: must be an ISO-8601 instant such as 2026-11-27T10:00:00Z")
        .doesNotContain("tomorrow");
  }

  @Test
  void aWrongElementOfAListNamesItsIndex() {
    ProblemDetail problem =
        unreadable(
            "{\"areas\":[\"CN-1\",{\"a\":1}],\"reason\":\"x\"}",
            OutageStaffController.NewOutage.class);

    assertThat(problem.getProperties()).containsEntry("field", "areas[1]");
    assertThat(problem.getDetail()).isEqualTo("areas[1]: must be a text");
  }

  @Test
  void aListGivenAsATextNamesTheList() {
    ProblemDetail problem =
        unreadable("{\"areas\":\"CN-1\"}", OutageStaffController.NewOutage.class);

    assertThat(problem.getProperties()).containsEntry("field", "areas");
    assertThat(problem.getDetail()).isEqualTo("areas: must be a list");
  }

  @Test
  void aNumberOutOfRangeOrNotANumberNamesTheProperty() {
    ProblemDetail tooBig =
        unreadable(
            "{\"servicePoint\":\"SP1\",\"capacity\":99999999999}",
            BookingStaffController.NewSlot.class);
    ProblemDetail text =
        unreadable(
            "{\"servicePoint\":\"SP1\",\"capacity\":\"lots\"}",
            BookingStaffController.NewSlot.class);
    ProblemDetail time =
        unreadable(
            "{\"servicePoint\":\"SP1\",\"start\":\"nine\"}", BookingStaffController.NewSlot.class);

    assertThat(tooBig.getProperties()).containsEntry("field", "capacity");
    assertThat(tooBig.getDetail()).isEqualTo("capacity: must be a whole number within range");
    assertThat(text.getProperties()).containsEntry("field", "capacity");
    assertThat(text.getDetail()).isEqualTo("capacity: must be a whole number");
    assertThat(time.getProperties()).containsEntry("field", "start");
    assertThat(time.getDetail()).isEqualTo("start: must be a time such as 09:30");
  }

  @Test
  void aBodyThatIsNotJsonOrNotAnObjectOrMissingNamesTheBody() {
    ProblemDetail notJson = unreadable("this is not json", OutageStaffController.Note.class);
    ProblemDetail broken = unreadable("{\"note\": oops}", OutageStaffController.Note.class);
    ProblemDetail array = unreadable("[1, 2]", OutageStaffController.Note.class);
    ProblemDetail missing =
        problemOf(
            new HttpMessageNotReadableException(
                "Required request body is missing", new MockHttpInputMessage(new byte[0])));

    assertThat(notJson.getProperties()).containsEntry("field", "body");
    assertThat(notJson.getDetail()).isEqualTo("body: must be valid JSON");
    assertThat(broken.getProperties()).containsEntry("field", "body");
    assertThat(array.getProperties()).containsEntry("field", "body");
    assertThat(array.getDetail()).isEqualTo("body: must be a JSON object");
    assertThat(missing.getProperties()).containsEntry("field", "body");
    assertThat(missing.getStatus()).isEqualTo(400);
  }

  @Test
  void aPathVariableOrQueryParameterThatDoesNotConvertIsNamedWithoutItsValue() throws Exception {
    Method outage = OutageStaffController.class.getDeclaredMethod("outage", long.class);
    Method reconciliation =
        PaymentStaffController.class.getDeclaredMethod("reconciliation", LocalDate.class);

    ProblemDetail id =
        problemOf(
            new MethodArgumentTypeMismatchException(
                "12ab", long.class, "id", new MethodParameter(outage, 0), null));
    ProblemDetail day =
        problemOf(
            new MethodArgumentTypeMismatchException(
                "yesterday", LocalDate.class, "day", new MethodParameter(reconciliation, 0), null));

    assertThat(id.getStatus()).isEqualTo(400);
    assertThat(id.getProperties()).containsEntry("field", "id");
    assertThat(id.getDetail()).isEqualTo("id: must be a whole number");
    assertThat(day.getProperties()).containsEntry("field", "day");
    assertThat(day.getDetail()).isEqualTo("day: must be a date such as 2026-11-27");
  }

  @Test
  void aMissingQueryParameterIsNamed() {
    ProblemDetail problem =
        problemOf(new MissingServletRequestParameterException("area", "String"));

    assertThat(problem.getStatus()).isEqualTo(400);
    assertThat(problem.getProperties()).containsEntry("field", "area");
    assertThat(problem.getDetail()).isEqualTo("area: is required");
  }

  @Test
  void problemsOtherThan400GetNoField() throws Exception {
    ResponseEntity<Object> response =
        handler.handleException(
            new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, java.util.List.of()),
            request());

    assertThat(response.getStatusCode().value()).isEqualTo(415);
    assertThat(((ProblemDetail) response.getBody()).getProperties()).isNull();
  }

  @Test
  void valueObjectsAreReadWithTheFieldNamedAndTheValueNotRepeated() {
    assertThatThrownBy(() -> Fields.ticketNo("R12<script>", "no"))
        .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("no"))
        .hasMessage("no: must be R and 12 to 14 digits");
    assertThatThrownBy(() -> Fields.areaCode("CN 1", "areas[2]"))
        .isInstanceOfSatisfying(
            InvalidField.class, e -> assertThat(e.field()).isEqualTo("areas[2]"))
        .hasMessageNotContaining("CN 1");
    assertThatThrownBy(() -> Fields.outTradeNo(null, "outTradeNo"))
        .hasMessage("outTradeNo: is required");
    assertThatThrownBy(() -> Fields.futureOrNull("expectedEnd", Instant.now().minusSeconds(60)))
        .hasMessage("expectedEnd: must be in the future");
    assertThatThrownBy(() -> Fields.optionalText("note", "长".repeat(501), Fields.MAX_NOTE))
        .hasMessage("note: must be at most 500 characters");
    assertThat(Fields.optionalText("note", "  ", Fields.MAX_NOTE)).isNull();
    assertThat(Fields.text("reason", " 线路检修 ", 10)).isEqualTo("线路检修");
  }

  /** What the handler answers when Jackson refuses {@code json} as a {@code type}. */
  private ProblemDetail unreadable(String json, Class<?> type) {
    JacksonException refused = null;
    try {
      JSON.readValue(json, type);
    } catch (JacksonException e) {
      refused = e;
    }
    assertThat(refused).as("Jackson refuses " + json).isNotNull();
    return problemOf(
        new HttpMessageNotReadableException(
            "JSON parse error",
            refused,
            new MockHttpInputMessage(json.getBytes(StandardCharsets.UTF_8))));
  }

  private ProblemDetail problemOf(Exception e) {
    try {
      ResponseEntity<Object> response = handler.handleException(e, request());
      assertThat(response.getStatusCode().value()).isEqualTo(400);
      return (ProblemDetail) response.getBody();
    } catch (Exception unexpected) {
      throw new AssertionError(unexpected);
    }
  }

  private static ServletWebRequest request() {
    return new ServletWebRequest(new MockHttpServletRequest(), new MockHttpServletResponse());
  }
}
