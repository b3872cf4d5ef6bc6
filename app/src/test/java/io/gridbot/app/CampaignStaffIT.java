package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.BindingService;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.SubscriptionService;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Staff tag an account, preview the campaign's accounts and run it against MariaDB and Redis: only
 * the bound users who opted in to the campaign's kind are told, once, however often it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class CampaignStaffIT {

  private static final AccountNo TAGGED = new AccountNo("3300000001");
  private static final AccountNo UNTAGGED = new AccountNo("3300000002");

  @LocalServerPort int port;
  @Autowired BindingService bindings;
  @Autowired SubscriptionService subscriptions;
  @Autowired JdbcTemplate jdbc;

  private StaffClient staff() {
    return StaffClient.demoStaff(port);
  }

  private ChannelUser webUserBoundTo(AccountNo account, String phoneLast4) {
    ChannelUser user = new ChannelUser("web", "it-campaign-" + UUID.randomUUID());
    bindings.bind(user, account, phoneLast4);
    return user;
  }

  private List<String> noticeKeysOf(ChannelUser user) {
    return jdbc.queryForList(
        "select notice_key from notification_delivery where channel = ? and channel_user_id = ?",
        String.class,
        user.channel(),
        user.userId());
  }

  private int deliveriesOf(String noticeKey) {
    return jdbc.queryForObject(
        "select count(*) from notification_delivery where notice_key = ?",
        Integer.class,
        noticeKey);
  }

  private static String campaign(String key) {
    return """
        {"tag":"EV_CHARGER","kind":"monthly_bill","title":"夜间充电更省钱",\
        "text":"建议您在夜间低谷时段为电动汽车充电。","key":"%s"}"""
        .formatted(key);
  }

  @Test
  void campaignReachesOnlyOptedInUsersOfTaggedAccountsOnce() {
    // given the demo account 3300000001 tagged EV_CHARGER by staff
    HttpResponse<String> tagged =
        staff().post("/api/staff/accounts/" + TAGGED + "/tags", "{\"tag\":\"EV_CHARGER\"}");
    assertThat(tagged.statusCode()).as(tagged.body()).isEqualTo(200);
    JsonNode tags = StaffClient.json(tagged);
    assertThat(tags.findValuesAsString("tag")).contains("EV_CHARGER");
    assertThat(tags.toString()).contains("\"source\":\"STAFF\"").contains("\"addedBy\":\"staff\"");

    // and users of it: one opted in, one never did, one opted out again; and an opted-in user of
    // an untagged account
    ChannelUser optedIn = webUserBoundTo(TAGGED, "0001");
    subscriptions.subscribe(optedIn, "monthly_bill", TAGGED);
    ChannelUser never = webUserBoundTo(TAGGED, "0001");
    ChannelUser optedOut = webUserBoundTo(TAGGED, "0001");
    subscriptions.subscribe(optedOut, "monthly_bill", TAGGED);
    subscriptions.unsubscribe(optedOut, "monthly_bill", TAGGED);
    ChannelUser elsewhere = webUserBoundTo(UNTAGGED, "0002");
    subscriptions.subscribe(elsewhere, "monthly_bill", UNTAGGED);

    // when staff preview the tag's accounts
    HttpResponse<String> preview = staff().get("/api/staff/tags/EV_CHARGER/accounts?limit=10");

    // then the tagged account is the only one
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(StaffClient.json(preview).get("accounts").toString())
        .isEqualTo("[\"" + TAGGED + "\"]");

    // when staff run the campaign
    String key = "it-ev-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> run = staff().post("/api/staff/campaigns", campaign(key));

    // then one account is targeted and only the opted-in user gets a delivery
    assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
    assertThat(StaffClient.json(run).get("accounts").asInt()).isEqualTo(1);
    assertThat(StaffClient.json(run).get("notice").asString()).isEqualTo("campaign:" + key);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(noticeKeysOf(optedIn)).containsExactly("campaign:" + key));
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              assertThat(noticeKeysOf(never)).isEmpty();
              assertThat(noticeKeysOf(optedOut)).isEmpty();
              assertThat(noticeKeysOf(elsewhere)).isEmpty();
            });

    // when it runs again
    HttpResponse<String> again = staff().post("/api/staff/campaigns", campaign(key));

    // then it targets the account again but nobody gets a second delivery
    assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
    assertThat(StaffClient.json(again).get("accounts").asInt()).isEqualTo(1);
    Awaitility.await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(deliveriesOf("campaign:" + key)).isEqualTo(1));

    // while a new campaign (another key) is a new delivery
    String next = key + "-2";
    assertThat(staff().post("/api/staff/campaigns", campaign(next)).statusCode()).isEqualTo(202);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(noticeKeysOf(optedIn))
                    .containsExactlyInAnyOrder("campaign:" + key, "campaign:" + next));
  }

  @Test
  void staffTagIsRemovedOnceAndUnknownAccountsAreNotFound() {
    // given a staff tag on the account
    assertThat(
            staff()
                .post("/api/staff/accounts/" + UNTAGGED + "/tags", "{\"tag\":\"ELDERLY\"}")
                .statusCode())
        .isEqualTo(200);

    // when it is removed, twice
    HttpResponse<String> removed =
        staff().delete("/api/staff/accounts/" + UNTAGGED + "/tags/ELDERLY");
    HttpResponse<String> again =
        staff().delete("/api/staff/accounts/" + UNTAGGED + "/tags/ELDERLY");

    // then the first removes it and the second finds nothing
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(404);
    assertThat(staff().get("/api/staff/accounts/" + UNTAGGED + "/tags").body())
        .doesNotContain("ELDERLY");

    // an unknown account is a 404 problem everywhere, a malformed one a 400
    for (HttpResponse<String> unknown :
        List.of(
            staff().get("/api/staff/accounts/3399999999/tags"),
            staff().post("/api/staff/accounts/3399999999/tags", "{\"tag\":\"ELDERLY\"}"),
            staff().delete("/api/staff/accounts/3399999999/tags/ELDERLY"))) {
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
      assertThat(unknown.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    HttpResponse<String> malformed = staff().get("/api/staff/accounts/33000/tags");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(malformed).get("detail").asString()).startsWith("accountNo:");
    assertThat(StaffClient.json(malformed).get("field").asString()).isEqualTo("accountNo");
    HttpResponse<String> unknownTag = staff().get("/api/staff/tags/NOPE/accounts");
    assertThat(unknownTag.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(unknownTag).get("detail").asString()).startsWith("tag:");
  }

  @Test
  void badCampaignsAreProblemsNamingTheFieldAndStaffOnly() {
    // a campaign without credentials is refused before anything is read
    HttpResponse<String> anonymous =
        StaffClient.anonymous(port).post("/api/staff/campaigns", campaign("it-anon"));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(deliveriesOf("campaign:it-anon")).isZero();

    // each bad field is a 400 problem naming it
    String[][] cases = {
      {"{\"tag\":\"EV_CHARGER\",\"kind\":\"monthly_bill\",\"text\":\"x\",\"key\":\"k\"}", "title"},
      {"{\"tag\":\"EV_CHARGER\",\"kind\":\"monthly_bill\",\"title\":\"t\",\"key\":\"k\"}", "text"},
      {
        "{\"tag\":\"NOPE\",\"kind\":\"monthly_bill\",\"title\":\"t\",\"text\":\"x\",\"key\":\"k\"}",
        "tag"
      },
      {
        "{\"tag\":\"EV_CHARGER\",\"kind\":\"monthly_bill\",\"title\":\"t\",\"text\":\"x\",\"key\":\"a b\"}",
        "key"
      },
      {
        "{\"tag\":\"EV_CHARGER\",\"kind\":\"payment\",\"title\":\"t\",\"text\":\"x\",\"key\":\"k\"}",
        "kind"
      },
    };
    for (String[] c : cases) {
      HttpResponse<String> response = staff().post("/api/staff/campaigns", c[0]);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(StaffClient.json(response).get("detail").asString()).startsWith(c[1] + ":");
      assertThat(StaffClient.json(response).get("field").asString()).isEqualTo(c[1]);
    }
    HttpResponse<String> notJson = staff().post("/api/staff/campaigns", "{oops");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(StaffClient.json(notJson).get("field").asString()).isEqualTo("body");
  }

  @Test
  void recomputeRunsInTheBackgroundAndSetsRuleTags() {
    // when staff recompute all tags
    HttpResponse<String> started = staff().post("/api/staff/tags/recompute", null);

    // then it is accepted (or refused as running already) and the prepaid demo account with a
    // balance of 12.50 gets its rule tag
    assertThat(started.statusCode()).as(started.body()).isIn(202, 409);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(staff().get("/api/staff/accounts/" + TAGGED + "/tags").body())
                    .contains(
                        "\"tag\":\"PREPAID_LOW_BALANCE\",\"label\":\"预付费余额不足\",\"source\":\"RULE\""));
  }
}
