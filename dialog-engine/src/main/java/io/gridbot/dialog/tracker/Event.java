package io.gridbot.dialog.tracker;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.nlu.Entity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened in a conversation. A {@link Tracker} is rebuilt from its events; actions
 * return events and only the processor applies them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Event.UserUttered.class, name = "user"),
  @JsonSubTypes.Type(value = Event.BotUttered.class, name = "bot"),
  @JsonSubTypes.Type(value = Event.SlotSet.class, name = "slot"),
  @JsonSubTypes.Type(value = Event.FormActivated.class, name = "form"),
  @JsonSubTypes.Type(value = Event.FormDeactivated.class, name = "form_end"),
  @JsonSubTypes.Type(value = Event.ActionExecuted.class, name = "action"),
  @JsonSubTypes.Type(value = Event.ConversationRestarted.class, name = "restart"),
  @JsonSubTypes.Type(value = Event.HandoffRequested.class, name = "handoff")
})
public sealed interface Event {

  /** The customer said something; the NLU's reading of it. */
  record UserUttered(
      String text,
      String messageId,
      String intent,
      double confidence,
      List<Entity> entities,
      Instant at)
      implements Event {
    public UserUttered {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(intent, "intent");
      entities = entities == null ? List.of() : List.copyOf(entities);
    }
  }

  /**
   * The assistant said something.
   *
   * @param template the key of the reply template it was made from, or null; tests and metrics
   *     recognise replies by it whatever variant was chosen
   */
  record BotUttered(Reply reply, String template) implements Event {
    public BotUttered {
      Objects.requireNonNull(reply, "reply");
    }

    public BotUttered(Reply reply) {
      this(reply, null);
    }
  }

  /** A slot took a value; a null value clears it. */
  record SlotSet(String name, String value) implements Event {
    public SlotSet {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A form became the active task.
   *
   * @param id identifies this run of the form; its submission runs once under this id
   */
  record FormActivated(String name, String id) implements Event {
    public FormActivated {
      Objects.requireNonNull(name, "name");
    }

    public FormActivated(String name) {
      this(name, null);
    }
  }

  /** The active form ended (completed or cancelled); its slots are cleared. */
  record FormDeactivated() implements Event {}

  /** An action ran. */
  record ActionExecuted(String name) implements Event {
    public ActionExecuted {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The customer asked for a human agent (or the assistant offered one and they accepted): the
   * processor puts the conversation in the agent queue after the turn.
   */
  record HandoffRequested(String reason) implements Event {
    public HandoffRequested {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Everything before this event is forgotten (a new conversation after idling). */
  record ConversationRestarted() implements Event {}
}
