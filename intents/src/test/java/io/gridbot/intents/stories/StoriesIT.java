package io.gridbot.intents.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.TurnOutcome;
import io.gridbot.dialog.channel.Location;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.handoff.HandoffDesk;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.tracker.Event;
import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.dialog.tracker.TrackerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs every conversation story ({@code stories/*.stories}, format in {@code stories/README.md})
 * against the real engine, tasks and services on MariaDB and Redis. {@code -Dstories=a,b} runs only
 * those files.
 */
@SpringBootTest(classes = StoriesTestApplication.class)
@ActiveProfiles("it")
class StoriesIT {

  @Autowired MessageProcessor processor;
  @Autowired TrackerStore trackers;
  @Autowired StateStore state;
  @Autowired HandoffDesk desk;

  @Autowired(required = false)
  StoryAgents agents;

  @TestFactory
  Stream<DynamicTest> stories() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    String only = System.getProperty("stories", "");
    for (Resource file :
        new PathMatchingResourcePatternResolver().getResources("classpath*:stories/*.stories")) {
      String name = file.getFilename().replace(".stories", "");
      if (!only.isBlank() && !List.of(only.split(",")).contains(name)) {
        continue;
      }
      String text = file.getContentAsString(StandardCharsets.UTF_8);
      for (Story story : Story.parse(file.getFilename(), text)) {
        tests.add(DynamicTest.dynamicTest(story.toString(), () -> new Run(story).play()));
      }
    }
    assertThat(tests).as("stories found").isNotEmpty();
    return tests.stream();
  }

  /** One story being played. */
  private final class Run {
    private final Story story;
    private final ConversationId id;
    private UserMessage last;
    private TurnOutcome lastOutcome;
    private List<Reply> pending = List.of();
    private List<String> pendingKeys = List.of();
    private int next;

    Run(Story story) {
      this.story = story;
      if (story.user() != null) {
        String[] parts = story.user().split(":", 2);
        this.id = new ConversationId(parts[0], parts[1] + "-" + shortId());
      } else {
        this.id = new ConversationId("web", "story-" + shortId());
      }
    }

    void play() throws Exception {
      for (Story.Step step : story.steps()) {
        String where = story.file() + ":" + step.line() + " (" + story.name() + ")";
        if (!(step instanceof Story.Step.Expect) && !(step instanceof Story.Step.Silence)) {
          requireAllConsumed(where);
        }
        if (step instanceof Story.Step.Say s) {
          send(new UserMessage(id, messageId(), s.text(), Instant.now()));
        } else if (step instanceof Story.Step.Expect e) {
          assertThat(next)
              .as(where + ": another reply expected, got " + describe())
              .isLessThan(pending.size());
          Reply reply = pending.get(next);
          if (e.template() != null) {
            assertThat(pendingKeys.get(next))
                .as(where + ": template of reply '" + reply.asText() + "'")
                .isEqualTo(e.template());
          }
          if (e.contains() != null) {
            assertThat(reply.asText()).as(where).contains(e.contains());
          }
          next++;
        } else if (step instanceof Story.Step.Silence) {
          assertThat(pending).as(where + ": no reply expected").isEmpty();
        } else if (step instanceof Story.Step.Directive d) {
          directive(where, d);
        } else if (step instanceof Story.Step.Check c) {
          check(where, c);
        }
      }
      requireAllConsumed(story.file() + " end of '" + story.name() + "'");
    }

    private void send(UserMessage message) {
      last = message;
      lastOutcome = processor.process(message);
      pending = lastOutcome.replies();
      pendingKeys = lastOutcome.templates();
      next = 0;
    }

    private void directive(String where, Story.Step.Directive d) throws Exception {
      switch (d.verb()) {
        case "location" -> {
          String[] parts = d.argument().split("\\s+", 2);
          Location location =
              Location.parse(parts[0], parts.length > 1 ? parts[1] : null)
                  .orElseThrow(() -> new IllegalArgumentException(where + ": bad location"));
          send(new UserMessage(id, messageId(), "", Instant.now(), location, List.of()));
        }
        case "image" ->
            send(new UserMessage(id, messageId(), "", Instant.now(), null, List.of(d.argument())));
        case "redeliver" -> {
          TurnOutcome first = lastOutcome;
          send(last);
          assertThat(lastOutcome)
              .as(where + ": a redelivery gets the first reply")
              .isEqualTo(first);
          pending = List.of();
          pendingKeys = List.of();
          next = 0;
        }
        case "idle" -> state.delete("tracker:" + id.key());
        case "race" -> race(where, d.argument());
        case "agent" -> agent(where, d.argument());
        default -> throw new IllegalArgumentException(where + ": unknown directive " + d.verb());
      }
    }

    /** Two messages at once: both are answered, one after the other, each exactly once. */
    private void race(String where, String argument) throws Exception {
      String[] texts = argument.split("\\|");
      assertThat(texts).as(where + ": race needs 'a | b'").hasSize(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Callable<TurnOutcome>> calls = new ArrayList<>();
        for (String t : texts) {
          UserMessage m = new UserMessage(id, messageId(), t.strip(), Instant.now());
          calls.add(() -> processor.process(m));
        }
        List<Future<TurnOutcome>> results = pool.invokeAll(calls);
        for (Future<TurnOutcome> f : results) {
          assertThat(f.get().replies())
              .as(where + ": each racing message is answered")
              .isNotEmpty();
        }
      } finally {
        pool.shutdownNow();
      }
      long said = tracker().events().stream().filter(e -> e instanceof Event.UserUttered).count();
      assertThat(said)
          .as(where + ": both messages are in the conversation")
          .isGreaterThanOrEqualTo(2);
      pending = List.of();
      pendingKeys = List.of();
      next = 0;
    }

    private void agent(String where, String argument) {
      assertThat(agents).as(where + ": no StoryAgents bean for agent directives").isNotNull();
      String[] parts = argument.split("\\s+", 2);
      switch (parts[0]) {
        case "claim" -> agents.claim(id);
        case "say" -> {
          List<String> delivered = agents.say(id, parts.length > 1 ? parts[1] : "");
          assertThat(delivered)
              .as(where + ": the agent's reply reached the customer")
              .contains(parts[1]);
        }
        case "release" -> {
          pending = agents.release(id);
          pendingKeys = java.util.Collections.nCopies(pending.size(), null);
          next = pending.size();
        }
        default -> throw new IllegalArgumentException(where + ": unknown agent action " + parts[0]);
      }
      if (!parts[0].equals("release")) {
        pending = List.of();
        pendingKeys = List.of();
        next = 0;
      }
    }

    private void check(String where, Story.Step.Check c) {
      Tracker tracker = tracker();
      switch (c.what()) {
        case "slot" -> {
          String[] kv = c.argument().split("=", 2);
          String expected = kv.length > 1 && !kv[1].isBlank() ? kv[1].strip() : null;
          assertThat(tracker.slot(kv[0].strip()).orElse(null)).as(where).isEqualTo(expected);
        }
        case "intent" ->
            assertThat(tracker.latestMessage().map(Event.UserUttered::intent).orElse(null))
                .as(where + ": intent of '" + (last == null ? "" : last.text()) + "'")
                .isEqualTo(c.argument().strip());
        case "form" ->
            assertThat(tracker.activeForm().orElse("none"))
                .as(where)
                .isEqualTo(c.argument().strip());
        case "handoff" ->
            assertThat(desk.status(id).name().toLowerCase())
                .as(where)
                .isEqualTo(c.argument().strip());
        default -> throw new IllegalArgumentException(where + ": unknown check " + c.what());
      }
    }

    private Tracker tracker() {
      return trackers.load(id).orElseGet(() -> Tracker.empty(id));
    }

    private void requireAllConsumed(String where) {
      assertThat(next)
          .as(where + ": replies not listed in the story: " + describe())
          .isEqualTo(pending.size());
    }

    private String describe() {
      List<String> all = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        all.add(pendingKeys.get(i) + " '" + pending.get(i).asText().replace('\n', ' ') + "'");
      }
      return all.toString();
    }
  }

  private static String messageId() {
    return "story-" + UUID.randomUUID();
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static {
    // fail early with a clear message when the stories directory is missing
    if (StoriesIT.class.getResource("/stories/README.md") == null) {
      throw new UncheckedIOException(
          new IOException("stories/README.md missing from test resources"));
    }
  }
}
