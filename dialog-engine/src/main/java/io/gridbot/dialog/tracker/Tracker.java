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

  /** Slots named with this prefix belong to the conversation and outlive the forms. */
  public static final String SESSION_PREFIX = "session_";

  private final ConversationId conversation;
  private final List<Event> events;
  private final Map<String, String> slots;
  private final String activeForm;
  private final String activeFormId;
  private final Event.UserUttered latestMessage;

  private Tracker(ConversationId conversation, List<Event> events) {
    this.conversation = Objects.requireNonNull(conversation, "conversation");
    this.events = List.copyOf(events);
    Map<String, String> slotValues = new HashMap<>();
    String form = null;
    String formId = null;
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
        formId = f.id();
      } else if (event instanceof Event.FormDeactivated) {
        form = null;
        formId = null;
        slotValues.keySet().removeIf(name -> !name.startsWith(SESSION_PREFIX));
      } else if (event instanceof Event.UserUttered u) {
        latest = u;
      } else if (event instanceof Event.ConversationRestarted) {
        form = null;
        formId = null;
        slotValues.clear();
        latest = null;
      }
    }
    this.slots = Collections.unmodifiableMap(slotValues);
    this.activeForm = form;
    this.activeFormId = formId;
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

  /** The id of the active form's run, if a form is active and its activation carried one. */
  public Optional<String> activeFormId() {
    return Optional.ofNullable(activeFormId);
  }

  /**
   * This tracker's state in few events: its slots, its active form and the latest {@code keep}
   * events. Used to keep long conversations small in the store.
   */
  public Tracker compacted(int keep) {
    if (events.size() <= keep * 2) {
      return this;
    }
    List<Event> compact = new ArrayList<>();
    compact.add(new Event.ConversationRestarted());
    List<Event> tail = events.subList(events.size() - keep, events.size());
    Event.UserUttered latest = latestMessage;
    if (latest != null && !tail.contains(latest)) {
      compact.add(latest);
    }
    if (activeForm != null) {
      compact.add(new Event.FormActivated(activeForm, activeFormId));
    }
    slots.forEach((name, value) -> compact.add(new Event.SlotSet(name, value)));
    // the tail replays after the state: it must not clear or change what was restored. Its user
    // messages stay, in order with the replies: the latest one and the one before it are read
    // again (replies since the latest message, the message a "did you mean" answer refers to)
    for (Event e : tail) {
      if (e instanceof Event.BotUttered
          || e instanceof Event.ActionExecuted
          || e instanceof Event.UserUttered) {
        compact.add(e);
      }
    }
    return new Tracker(conversation, compact);
  }

  /** Template keys of the replies since the latest user message, in order (null for none). */
  public List<String> templatesSinceLatestMessage() {
    List<String> keys = new ArrayList<>();
    for (int i = events.size() - 1; i >= 0; i--) {
      Event e = events.get(i);
      if (e instanceof Event.UserUttered) {
        break;
      }
      if (e instanceof Event.BotUttered b) {
        keys.add(0, b.template());
      }
    }
    return keys;
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
