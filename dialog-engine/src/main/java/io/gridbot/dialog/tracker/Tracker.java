package io.gridbot.dialog.tracker;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one conversation, derived entirely from its events. Immutable: {@link #with(List)}
 * returns a new tracker with more events applied.
 */
public final class Tracker {

  /** The slot that names which slot the active form asked for last. */
  public static final String REQUESTED_SLOT = "requested_slot";

  private final ConversationId conversation;
  private final List<Event> events;
  private final Map<String, String> slots;
  private final String activeForm;
  private final Event.UserUttered latestMessage;

  private Tracker(ConversationId conversation, List<Event> events) {
    this.conversation = Objects.requireNonNull(conversation, "conversation");
    this.events = List.copyOf(events);
    Map<String, String> slotValues = new HashMap<>();
    String form = null;
    Event.UserUttered latest = null;
    for (Event event : this.events) {
      if (event instanceof Event.SlotSet s) {
        if (s.value() == null) {
          slotValues.remove(s.name());
        } else {
          slotValues.put(s.name(), s.value());
        }
      } else if (event instanceof Event.FormActivated f) {
        form = f.name();
      } else if (event instanceof Event.FormDeactivated) {
        form = null;
        slotValues.clear();
      } else if (event instanceof Event.UserUttered u) {
        latest = u;
      } else if (event instanceof Event.ConversationRestarted) {
        form = null;
        slotValues.clear();
        latest = null;
      }
    }
    this.slots = Collections.unmodifiableMap(slotValues);
    this.activeForm = form;
    this.latestMessage = latest;
  }

  /** A tracker rebuilt from stored events. */
  public static Tracker of(ConversationId conversation, List<Event> events) {
    return new Tracker(conversation, events);
  }

  public static Tracker empty(ConversationId conversation) {
    return new Tracker(conversation, List.of());
  }

  /** This tracker with {@code more} events appended. */
  public Tracker with(List<Event> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Event> all = new ArrayList<>(events.size() + more.size());
    all.addAll(events);
    all.addAll(more);
    return new Tracker(conversation, all);
  }

  public ConversationId conversation() {
    return conversation;
  }

  public List<Event> events() {
    return events;
  }

  public Optional<String> slot(String name) {
    return Optional.ofNullable(slots.get(name));
  }

  public Map<String, String> slots() {
    return slots;
  }

  public Optional<String> activeForm() {
    return Optional.ofNullable(activeForm);
  }

  public Optional<Event.UserUttered> latestMessage() {
    return Optional.ofNullable(latestMessage);
  }

  /** The replies uttered after the latest user message, in order. */
  public List<Reply> repliesSinceLatestMessage() {
    List<Reply> replies = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      if (e instanceof Event.UserUttered) {
        break;
      }
      if (e instanceof Event.BotUttered b) {
        replies.add(0, b.reply());
      }
    }
    return replies;
  }
}
