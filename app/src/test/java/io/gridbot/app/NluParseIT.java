package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The NLU parse API over HTTP, on the embedded default. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "spring.datasource.url=jdbc:h2:mem:nluparse;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class NluParseIT {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/nlu/parse"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersInRasaShape() throws Exception {
    HttpResponse<String> response =
        post(
            "application/json",
            "{\"text\":\"绑定户号3300000001\",\"time\":\"2026-11-27T10:00:00+08:00\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = RobotChat.JSON.readTree(response.body());
    assertThat(json.get("text").asString()).isEqualTo("绑定户号3300000001");
    assertThat(json.get("intent").get("name").asString()).isEqualTo("bind_account");
    assertThat(json.get("intent").get("confidence").asDouble()).isBetween(0.5, 1.0);
    assertThat(json.get("intent_ranking").size()).isEqualTo(5);
    assertThat(json.get("intent_ranking").get(0).get("name").asString()).isEqualTo("bind_account");
    JsonNode account = json.get("entities").get(0);
    assertThat(account.get("entity").asString()).isEqualTo("account_no");
    assertThat(account.get("value").asString()).isEqualTo("3300000001");
    assertThat(account.get("start").asInt()).isEqualTo(4);
    assertThat(account.get("end").asInt()).isEqualTo(14);
    assertThat(account.get("text").asString()).isEqualTo("3300000001");
  }

  @Test
  void oddTextIsJustText() throws Exception {
    for (String text :
        new String[] {
          "😀😀😀", "<script>alert(1)</script>", "'; DROP TABLE account; --", "　", "a"
        }) {
      String body = RobotChat.JSON.writeValueAsString(java.util.Map.of("text", text));
      HttpResponse<String> response = post("application/json", body);
      if (text.isBlank()) {
        assertThat(response.statusCode()).as(text).isEqualTo(400);
      } else {
        assertThat(response.statusCode()).as(text).isEqualTo(200);
        assertThat(RobotChat.JSON.readTree(response.body()).get("text").asString()).isEqualTo(text);
      }
    }
  }

  @Test
  void badInputIsA400Problem() throws Exception {
    String[][] cases = {
      {"application/json", "{}"},
      {"application/json", "{\"text\":\"" + "电".repeat(1001) + "\"}"},
      {"application/json", "not json"},
      {"text/plain", "余额"},
      {"application/json", "{\"text\":\"余额\",\"time\":\"tomorrow\"}"},
    };
    for (String[] c : cases) {
      HttpResponse<String> response = post(c[0], c[1]);
      assertThat(response.statusCode()).as(c[1]).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
  }
}
