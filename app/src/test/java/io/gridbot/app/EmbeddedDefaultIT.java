package io.gridbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.store.StateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The embedded default as the README's run command starts it (H2 in MySQL mode, in-process state,
 * demo data), here with an in-memory H2 so the test leaves no files: the demo account answers, and
 * health and metrics are exposed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "spring.datasource.url=jdbc:h2:mem:embedded;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class EmbeddedDefaultIT {

  @LocalServerPort int port;
  @Autowired StateStore state;

  @Test
  void demoAccountBindsAndAnswersItsBalanceWithInProcessState() {
    assertThat(state.getClass().getSimpleName()).startsWith("InMemory");
    RobotChat customer = new RobotChat(port, "embedded-" + UUID.randomUUID());
    customer.say("绑定户号3300000001");
    assertThat(customer.say("0001")).singleElement().asString().contains("绑定成功");
    assertThat(customer.say("余额")).singleElement().asString().contains("12.50元");
  }

  @Test
  void healthAndPrometheusAreExposed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\"").contains("\"sharedState\"").contains("UP");

    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }
}
