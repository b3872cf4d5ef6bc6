package io.gridbot.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** Calls the staff API of a running server over real HTTP, as a demo staff user or anonymously. */
public final class StaffClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final String credentials;

  private StaffClient(int port, String credentials) {
    this.port = port;
    this.credentials = credentials;
  }

  public static StaffClient demoStaff(int port) {
    return new StaffClient(port, "staff:gridbot-demo");
  }

  /** The embedded default's demo ADMIN, who alone may publish the WeChat menu. */
  public static StaffClient demoAdmin(int port) {
    return new StaffClient(port, "admin:gridbot-demo");
  }

  /** A staff user of the test's own configuration, with a {@code {noop}} password. */
  public static StaffClient as(int port, String username, String password) {
    return new StaffClient(port, username + ":" + password);
  }

  public static StaffClient anonymous(int port) {
    return new StaffClient(port, null);
  }

  public HttpResponse<String> get(String path) {
    return call("GET", path, null);
  }

  public HttpResponse<String> post(String path, String json) {
    return call("POST", path, json);
  }

  HttpResponse<String> delete(String path) {
    return call("DELETE", path, null);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return RobotChat.JSON.readTree(response.body());
  }

  HttpResponse<String> call(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
