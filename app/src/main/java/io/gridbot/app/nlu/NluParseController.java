package io.gridbot.app.nlu;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.nlu.ParseResult;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What the NLU makes of a text, in the shape of Rasa's {@code /model/parse}. */
@RestController
class NluParseController {

  static final int MAX_TEXT = 1000;
  static final int RANKING_SIZE = 5;

  private final NluPipeline nlu;
  private final Clock clock = Clock.systemUTC();

  NluParseController(NluPipeline nlu) {
    this.nlu = nlu;
  }

  /**
   * @param text 1-1000 characters
   * @param time optional reference time (ISO-8601 with offset, or an instant) for relative dates
   */
  record ParseRequest(String text, String time) {}

  record IntentView(String name, double confidence) {
    static IntentView of(IntentRanking r) {
      return new IntentView(r.intent(), r.confidence());
    }
  }

  record EntityView(String entity, String value, int start, int end, String text) {
    static EntityView of(Entity e) {
      return new EntityView(e.name(), e.value(), e.start(), e.end(), e.text());
    }
  }

  record ParseResponse(
      String text,
      IntentView intent,
      @com.fasterxml.jackson.annotation.JsonProperty("intent_ranking")
          List<IntentView> intentRanking,
      List<EntityView> entities) {}

  @PostMapping(path = "/api/nlu/parse", produces = MediaType.APPLICATION_JSON_VALUE)
  ParseResponse parse(@RequestBody ParseRequest request) {
    if (request.text() == null || request.text().isBlank()) {
      throw new InvalidParseRequest("text", "is required and must not be blank");
    }
    if (request.text().length() > MAX_TEXT) {
      throw new InvalidParseRequest("text", "must be at most " + MAX_TEXT + " characters");
    }
    ParseResult result = nlu.parse(request.text(), referenceTime(request.time()));
    return new ParseResponse(
        request.text(),
        IntentView.of(result.intent()),
        result.ranking().stream().limit(RANKING_SIZE).map(IntentView::of).toList(),
        result.entities().stream().map(EntityView::of).toList());
  }

  private Instant referenceTime(String time) {
    if (time == null || time.isBlank()) {
      return clock.instant();
    }
    try {
      return OffsetDateTime.parse(time).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(time);
      } catch (DateTimeParseException again) {
        throw new InvalidParseRequest(
            "time", "must be an ISO-8601 date-time with offset, e.g. 2026-11-27T10:00:00+08:00");
      }
    }
  }
}
