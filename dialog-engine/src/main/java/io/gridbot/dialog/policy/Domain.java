package io.gridbot.dialog.policy;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.form.Form;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an assistant can do: its actions and forms, and which intent triggers which. Built once at
 * start-up with {@link #builder()}; immutable afterwards.
 */
public final class Domain {

  private final Map<String, Action> actions;
  private final Map<String, Form> forms;
  private final Map<String, String> intentTargets;
  private final Set<String> interruptingIntents;
  private final String fallbackAction;
  private final String failureText;

  private Domain(Builder b) {
    this.actions = Map.copyOf(b.actions);
    this.forms = Map.copyOf(b.forms);
    this.intentTargets = Map.copyOf(b.intentTargets);
    this.interruptingIntents = Set.copyOf(b.interruptingIntents);
    this.fallbackAction = Objects.requireNonNull(b.fallbackAction, "fallback action");
    this.failureText = Objects.requireNonNull(b.failureText, "failure text");
    for (String target : intentTargets.values()) {
      if (!actions.containsKey(target) && !forms.containsKey(target)) {
        throw new IllegalStateException("intent mapped to unknown action or form: " + target);
      }
    }
    if (!actions.containsKey(fallbackAction)) {
      throw new IllegalStateException("unknown fallback action: " + fallbackAction);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Action> action(String name) {
    return Optional.ofNullable(actions.get(name));
  }

  public Optional<Form> form(String name) {
    return Optional.ofNullable(forms.get(name));
  }

  /** The action or form name an intent triggers, if any. */
  public Optional<String> targetOf(String intent) {
    return Optional.ofNullable(intentTargets.get(intent));
  }

  /** Whether {@code intent} is answered on the side while a form waits. */
  public boolean interrupts(String intent) {
    return interruptingIntents.contains(intent);
  }

  public Action fallback() {
    return actions.get(fallbackAction);
  }

  /** Said when a turn fails (e.g. the database is down); the customer may simply try again. */
  public String failureText() {
    return failureText;
  }

  /** Assembles a domain. */
  public static final class Builder {
    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, Form> forms = new HashMap<>();
    private final Map<String, String> intentTargets = new HashMap<>();
    private final Set<String> interruptingIntents = new HashSet<>();
    private String fallbackAction;
    private String failureText;

    /** {@code intent} runs {@code action}; it may interrupt a form when {@code interrupts}. */
    public Builder on(String intent, Action action, boolean interrupts) {
      actions.put(action.name(), action);
      intentTargets.put(intent, action.name());
      if (interrupts) {
        interruptingIntents.add(intent);
      }
      return this;
    }

    /** {@code intent} starts {@code form}. */
    public Builder on(String intent, Form form) {
      forms.put(form.name(), form);
      intentTargets.put(intent, form.name());
      return this;
    }

    /** Runs when no intent applies. */
    public Builder fallback(Action action) {
      actions.put(action.name(), action);
      fallbackAction = action.name();
      return this;
    }

    /** Said when a turn fails and nothing was changed, inviting the customer to try again. */
    public Builder failureText(String text) {
      failureText = text;
      return this;
    }

    public Domain build() {
      return new Domain(this);
    }
  }
}
