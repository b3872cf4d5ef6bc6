package io.gridbot.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A customer in the web robot chat, talking to a running server over real HTTP. */
final class RobotChat {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI endpoint;
  final String sessionId;

  RobotChat(int port, String sessionId) {
    this.endpoint = URI.create("http://127.0.0.1:" + port + "/api/robot/messages");
    this.sessionId = sessionId;
  }

  /** Sends {@code text} and returns the texts of the replies; fails on any status but 200. */
  List<String> say(String text) {
    return say(text, null);
  }

  List<String> say(String text, String messageId) {
    Map<String, String> body =
        messageId == null
            ? Map.of("sessionId", sessionId, "text", text)
            : Map.of("sessionId", sessionId, "text", text, "messageId", messageId);
    HttpResponse<String> response = post("application/json", JSON.writeValueAsString(body));
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    JsonNode json = JSON.readTree(response.body());
    if (!sessionId.equals(json.get("sessionId").asString())) {
      throw new AssertionError("answer for another session: " + response.body());
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode reply : json.get("replies")) {
      texts.add(reply.get("text").asString());
    }
    return texts;
  }

  HttpResponse<String> post(String contentType, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
