package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Every 400 of the staff API is a problem naming the offending field: for each staff controller a
 * bad query parameter, path variable or body property, over real HTTP against MariaDB. Nothing is
 * changed by a refused request: each case is checked before any record is looked up or written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class StaffBadRequestIT {

  private static final String TICKET = "/api/staff/tickets/R202601010001";
  private static final String APPLICATION = "/api/staff/applications/A2026010100000001";
  private static final String BOOKING = "/api/staff/bookings/B2026010100000001";
  private static final String PAYMENT = "/api/staff/payments/P" + "1".repeat(22);
  private static final String POINTS = "/api/staff/accounts/3300000001/points";
  private static final String LONG_NOTE = "长".repeat(501);
  private static final String SLOT =
      "\"servicePoint\":\"SP-HALL-01\",\"date\":\"2030-01-01\",\"start\":\"09:00\"";

  @LocalServerPort int port;

  static Stream<Arguments> badRequests() {
    return Stream.of(
        // RepairStaffController
        bad("GET", "/api/staff/tickets", null, "area"),
        bad("GET", "/api/staff/tickets?area=CN_330106", null, "area"),
        bad("GET", "/api/staff/tickets?area=CN-330106&limit=many", null, "limit"),
        bad("GET", "/api/staff/tickets/not-a-ticket", null, "no"),
        bad("POST", TICKET + "/estimate", "{}", "expectedRestoration"),
        bad(
            "POST",
            TICKET + "/dispatch",
            "{\"expectedRestoration\":\"soon\"}",
            "expectedRestoration"),
        bad(
            "POST",
            TICKET + "/dispatch",
            "{\"expectedRestoration\":\"2020-01-01T00:00:00Z\"}",
            "expectedRestoration"),
        bad("POST", TICKET + "/resolve", "{\"note\":\"" + LONG_NOTE + "\"}", "note"),
        bad("POST", TICKET + "/resolve", "", "body"),
        // OutageStaffController
        bad("GET", "/api/staff/outages/abc", null, "id"),
        bad("POST", "/api/staff/outages", "{\"areas\":[],\"reason\":\"检修\"}", "areas"),
        bad("POST", "/api/staff/outages", "{\"areas\":\"CN-1\",\"reason\":\"检修\"}", "areas"),
        bad(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-1\",\"CN 2\"],\"reason\":\"检修\"}",
            "areas[1]"),
        bad(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-1\",\"CN-2\",\"CN-1\"],\"reason\":\"检修\"}",
            "areas[2]"),
        bad("POST", "/api/staff/outages", "{\"areas\":[\"CN-1\"]}", "reason"),
        bad(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-1\"],\"reason\":\"检修\",\"endsAt\":\"2020-01-01T00:00:00Z\"}",
            "endsAt"),
        bad(
            "POST",
            "/api/staff/outages",
            "{\"areas\":[\"CN-1\"],\"reason\":\"检修\",\"startsAt\":\"2030-01-05T05:00:00Z\","
                + "\"endsAt\":\"2030-01-05T01:00:00Z\"}",
            "endsAt"),
        bad("POST", "/api/staff/outages/1/estimate", "{\"expectedEnd\":\"later\"}", "expectedEnd"),
        bad("POST", "/api/staff/outages/1/estimate", "{}", "expectedEnd"),
        bad("POST", "/api/staff/outages/1/cancel", "{\"note\":\"" + LONG_NOTE + "\"}", "note"),
        // PaymentStaffController
        bad("GET", "/api/staff/payments/P123", null, "outTradeNo"),
        bad("POST", PAYMENT + "/refunds", "{\"reason\":\"多缴\"}", "amount"),
        bad("POST", PAYMENT + "/refunds", "{\"amount\":\"ten\",\"reason\":\"多缴\"}", "amount"),
        bad("POST", PAYMENT + "/refunds", "{\"amount\":0.001,\"reason\":\"多缴\"}", "amount"),
        bad("POST", PAYMENT + "/refunds", "{\"amount\":1.50,\"reason\":\" \"}", "reason"),
        bad("GET", "/api/staff/reconciliation", null, "day"),
        bad("GET", "/api/staff/reconciliation?day=yesterday", null, "day"),
        // ApplicationStaffController
        bad("GET", "/api/staff/applications/A123", null, "no"),
        bad("POST", APPLICATION + "/reject", "{}", "reason"),
        bad("POST", APPLICATION + "/approve", "{\"note\":\"" + LONG_NOTE + "\"}", "note"),
        // BookingStaffController
        bad("GET", "/api/staff/bookings/B1", null, "no"),
        bad("POST", BOOKING + "/reassign", "{}", "servicePoint"),
        bad("POST", "/api/staff/slots", "{\"date\":\"2030-01-01\"}", "servicePoint"),
        bad("POST", "/api/staff/slots", "{\"servicePoint\":\"SP\",\"date\":\"tomorrow\"}", "date"),
        bad("POST", "/api/staff/slots", "{" + SLOT + ",\"end\":\"08:00\",\"capacity\":5}", "end"),
        bad("POST", "/api/staff/slots", "{" + SLOT + ",\"end\":\"10:00\"}", "capacity"),
        bad(
            "POST",
            "/api/staff/slots",
            "{" + SLOT + ",\"end\":\"10:00\",\"capacity\":0}",
            "capacity"),
        bad(
            "POST",
            "/api/staff/slots",
            "{" + SLOT + ",\"end\":\"10:00\",\"capacity\":\"five\"}",
            "capacity"),
        // CampaignStaffController
        bad(
            "POST",
            "/api/staff/campaigns",
            "{\"tag\":\"NOPE\",\"kind\":\"campaign\",\"title\":\"t\",\"text\":\"x\",\"key\":\"k\"}",
            "tag"),
        bad("POST", "/api/staff/campaigns", "[\"not an object\"]", "body"),
        // HandoffStaffController
        bad("GET", "/api/staff/handoffs?limit=all", null, "limit"),
        bad("GET", "/api/staff/handoffs/first", null, "id"),
        bad("POST", "/api/staff/handoffs/1/reply", "{\"text\":\"  \"}", "text"),
        // PointsStaffController
        bad("GET", POINTS + "?size=0", null, "size"),
        bad("GET", POINTS + "?page=-1", null, "page"),
        bad("GET", POINTS + "?page=two", null, "page"),
        bad("POST", POINTS + "/adjustments", "{\"delta\":\"many\",\"reference\":\"r\"}", "delta"),
        bad("POST", POINTS + "/adjustments", "{\"delta\":5,\"reference\":\"a b\"}", "reference"),
        // RefundStaffController
        bad("GET", "/api/staff/refunds?limit=0", null, "limit"),
        // ReportStaffController
        bad("GET", "/api/staff/dashboard?day=today", null, "day"),
        bad("GET", "/api/staff/bookings?state=LOST", null, "state"),
        bad("GET", "/api/staff/applications?state=LOST", null, "state"),
        bad("GET", "/api/staff/notifications?hours=0", null, "hours"),
        bad("GET", "/api/staff/notifications?hours=a-day", null, "hours"),
        bad("GET", "/api/staff/outages/abc/reach", null, "id"),
        // TagStaffController
        bad("GET", "/api/staff/tags/NOPE/accounts", null, "tag"),
        bad("GET", "/api/staff/tags/ELDERLY/accounts?limit=x", null, "limit"),
        bad("POST", "/api/staff/accounts/33/tags", "{\"tag\":\"ELDERLY\"}", "accountNo"));
  }

  private static Arguments bad(String method, String path, String json, String field) {
    return Arguments.of(method, path, json, field);
  }

  @ParameterizedTest(name = "{0} {1} {2} names {3}")
  @MethodSource("badRequests")
  void aBadValueIsA400ProblemNamingItsField(String method, String path, String json, String field) {
    HttpResponse<String> response = StaffClient.demoStaff(port).call(method, path, json);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = StaffClient.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("field").asString()).as(response.body()).isEqualTo(field);
    assertThat(problem.get("detail").asString()).startsWith(field + ": ");
  }

  @Test
  void aBodyThatIsNotJsonAtAllNamesTheBody() {
    HttpResponse<String> response =
        StaffClient.demoStaff(port).post(TICKET + "/dispatch", "this is not JSON at all");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = StaffClient.json(response);
    assertThat(problem.get("field").asString()).isEqualTo("body");
    assertThat(problem.get("detail").asString()).isEqualTo("body: must be valid JSON");
    assertThat(problem.get("code").asString()).isEqualTo("request.invalid-field");
  }

  @Test
  void theDetailSaysTheRuleWithoutRepeatingTheValueSent() {
    StaffClient staff = StaffClient.demoStaff(port);

    JsonNode day = StaffClient.json(staff.get("/api/staff/reconciliation?day=s3cret-day"));
    JsonNode ticket = StaffClient.json(staff.get("/api/staff/tickets/Rs3cret"));
    JsonNode amount =
        StaffClient.json(
            staff.post(PAYMENT + "/refunds", "{\"amount\":\"s3cret\",\"reason\":\"多缴\"}"));

    assertThat(day.get("detail").asString()).isEqualTo("day: must be a date such as 2026-11-27");
    assertThat(ticket.get("detail").asString()).isEqualTo("no: must be R and 12 to 14 digits");
    assertThat(amount.get("detail").asString()).isEqualTo("amount: must be a number");
    // (the problem's instance is the request's own path, query left out)
    assertThat(day.toString()).doesNotContain("s3cret");
    assertThat(amount.toString()).doesNotContain("s3cret");
  }

  @Test
  void aMissingEntityIsStillA404WithoutAField() {
    StaffClient staff = StaffClient.demoStaff(port);

    HttpResponse<String> missing = staff.get(TICKET);
    HttpResponse<String> refund =
        staff.post(PAYMENT + "/refunds", "{\"amount\":1.50,\"reason\":\"多缴\"}");

    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(StaffClient.json(missing).has("field")).isFalse();
    assertThat(refund.statusCode()).as(refund.body()).isEqualTo(404);
    assertThat(StaffClient.json(refund).get("code").asString())
        .isEqualTo("payment.order-not-found");
  }
}
