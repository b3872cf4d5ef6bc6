package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Staff read and correct an account's points through the staff API, against MariaDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class PointsStaffIT {

  private static final String POINTS = "/api/staff/accounts/3300000003/points";

  @LocalServerPort int port;

  private StaffClient staff() {
    return StaffClient.demoStaff(port);
  }

  private int balance() {
    HttpResponse<String> points = staff().get(POINTS);
    assertThat(points.statusCode()).as(points.body()).isEqualTo(200);
    return StaffClient.json(points).get("balance").asInt();
  }

  @Test
  void adjustmentIsCreditedOnceAndShowsInTheHistory() {
    // given the account's balance
    int before = balance();
    String reference = "it-case-" + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"delta\":50,\"reference\":\"" + reference + "\"}";

    // when staff credit 50 points, and send the same correction again
    HttpResponse<String> first = staff().post(POINTS + "/adjustments", body);
    HttpResponse<String> repeat = staff().post(POINTS + "/adjustments", body);

    // then 50 points were credited once
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(StaffClient.json(first).get("changed").asInt()).isEqualTo(50);
    assertThat(StaffClient.json(first).get("balance").asInt()).isEqualTo(before + 50);
    assertThat(StaffClient.json(repeat).get("changed").asInt()).isZero();
    assertThat(balance()).isEqualTo(before + 50);

    // and the latest history entry is the adjustment
    JsonNode latest = StaffClient.json(staff().get(POINTS + "?size=1")).get("history").get(0);
    assertThat(latest.get("reference").asString()).isEqualTo(reference);
    assertThat(latest.get("reason").asString()).isEqualTo("ADJUST");
    assertThat(latest.get("delta").asInt()).isEqualTo(50);

    // the same reference for another amount is a conflict, taking more than the balance a 400
    HttpResponse<String> conflict =
        staff().post(POINTS + "/adjustments", "{\"delta\":7,\"reference\":\"" + reference + "\"}");
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    HttpResponse<String> tooMuch =
        staff()
            .post(
                POINTS + "/adjustments",
                "{\"delta\":" + -(before + 51) + ",\"reference\":\"" + reference + "-x\"}");
    assertThat(tooMuch.statusCode()).as(tooMuch.body()).isEqualTo(400);
    assertThat(StaffClient.json(tooMuch).get("code").asString()).isEqualTo("points.insufficient");
    assertThat(StaffClient.json(tooMuch).get("field").asString()).isEqualTo("delta");
    assertThat(balance()).isEqualTo(before + 50);
  }

  @Test
  void badAdjustmentsNameTheFieldAndUnknownAccountsAreNotFound() {
    HttpResponse<String> noDelta = staff().post(POINTS + "/adjustments", "{\"reference\":\"r1\"}");
    assertThat(noDelta.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(noDelta).get("detail").asString()).startsWith("delta:");
    HttpResponse<String> noReference = staff().post(POINTS + "/adjustments", "{\"delta\":5}");
    assertThat(noReference.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(noReference).get("detail").asString()).startsWith("reference:");

    assertThat(staff().get("/api/staff/accounts/3399999999/points").statusCode()).isEqualTo(404);
    assertThat(
            staff()
                .post(
                    "/api/staff/accounts/3399999999/points/adjustments",
                    "{\"delta\":5,\"reference\":\"r1\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(StaffClient.anonymous(port).get(POINTS).statusCode()).isEqualTo(401);
  }

  @Test
  void catalogueListsTheActiveItems() {
    HttpResponse<String> catalogue = staff().get("/api/staff/points/catalogue");

    assertThat(catalogue.statusCode()).as(catalogue.body()).isEqualTo(200);
    JsonNode items = StaffClient.json(catalogue);
    assertThat(items.size()).isPositive();
    assertThat(items.get(0).get("code").asString()).isNotBlank();
    assertThat(items.get(0).get("cost").asInt()).isPositive();
  }
}
