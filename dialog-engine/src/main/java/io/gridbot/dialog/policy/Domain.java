package io.gridbot.dialog.policy;

import io.gridbot.dialog.action.Action;
import io.gridbot.dialog.form.Form;
import io.gridbot.dialog.form.Prompt;
import io.gridbot.dialog.tracker.Event;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
  private final Map<String, String> intentLabels;
  private final Function<List<String>, Event.BotUttered> didYouMean;
  private final Prompt offerHuman;
  private final Prompt handoffLeft;
  private final Function<String, Event.BotUttered> welcomeBack;
  private final List<String> confirmLabels;
  private final String denyIntent;
  private final String affirmIntent;

  private Domain(Builder b) {
    this.actions = Map.copyOf(b.actions);
    this.forms = Map.copyOf(b.forms);
    this.intentTargets = Map.copyOf(b.intentTargets);
    this.interruptingIntents = Set.copyOf(b.interruptingIntents);
    this.fallbackAction = Objects.requireNonNull(b.fallbackAction, "fallback action");
    this.failureText = Objects.requireNonNull(b.failureText, "failure text");
    this.intentLabels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.intentLabels));
    this.didYouMean = b.didYouMean;
    this.offerHuman = b.offerHuman;
    this.handoffLeft = b.handoffLeft;
    this.welcomeBack = b.welcomeBack;
    this.confirmLabels = List.copyOf(b.confirmLabels);
    this.denyIntent = b.denyIntent;
    this.affirmIntent = b.affirmIntent;
    if (confirmLabels.size() != 2) {
      throw new IllegalStateException("confirmation labels: give confirm and cancel");
    }
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

  /** The short label of an intent, offered as a "did you mean" option; empty for unlabelled. */
  public Optional<String> intentLabel(String intent) {
    return Optional.ofNullable(intentLabels.get(intent));
  }

  /** The intent whose label is exactly {@code label}. */
  public Optional<String> intentOfLabel(String label) {
    return intentLabels.entrySet().stream()
        .filter(e -> e.getValue().equals(label))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Asks whether the customer meant one of these (labels); null when not configured. */
  public Optional<Function<List<String>, Event.BotUttered>> didYouMean() {
    return Optional.ofNullable(didYouMean);
  }

  /** Offers a human agent after repeated misunderstandings; null when not configured. */
  public Optional<Prompt> offerHuman() {
    return Optional.ofNullable(offerHuman);
  }

  /** Said when a customer waiting for an agent gives up waiting. */
  public Optional<Prompt> handoffLeft() {
    return Optional.ofNullable(handoffLeft);
  }

  /** Greets a customer back whose unfinished task (a form name) expired; null when not set. */
  public Optional<Function<String, Event.BotUttered>> welcomeBack() {
    return Optional.ofNullable(welcomeBack);
  }

  /** The two options of a confirmation: confirm, cancel. */
  public List<String> confirmLabels() {
    return confirmLabels;
  }

  public String denyIntent() {
    return denyIntent;
  }

  public String affirmIntent() {
    return affirmIntent;
  }

  /** Assembles a domain. */
  public static final class Builder {
    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, Form> forms = new HashMap<>();
    private final Map<String, String> intentTargets = new HashMap<>();
    private final Set<String> interruptingIntents = new HashSet<>();
    private String fallbackAction;
    private String failureText;
    private final Map<String, String> intentLabels = new LinkedHashMap<>();
    private Function<List<String>, Event.BotUttered> didYouMean;
    private Prompt offerHuman;
    private Prompt handoffLeft;
    private Function<String, Event.BotUttered> welcomeBack;
    private List<String> confirmLabels = List.of("确认", "取消");
    private String denyIntent = "deny";
    private String affirmIntent = "affirm";

    /** A short label for {@code intent}, offered when the NLU is unsure it was meant. */
    public Builder label(String intent, String label) {
      intentLabels.put(intent, label);
      return this;
    }

    /** Below the NLU threshold: asks whether the customer meant one of the labelled intents. */
    public Builder didYouMean(Function<List<String>, Event.BotUttered> prompt) {
      didYouMean = prompt;
      return this;
    }

    /** After two misunderstandings in a row: offers a human agent. */
    public Builder offerHuman(Prompt prompt) {
      offerHuman = prompt;
      return this;
    }

    /** Said when a customer waiting for an agent cancels. */
    public Builder handoffLeft(Prompt prompt) {
      handoffLeft = prompt;
      return this;
    }

    /** Greets back a customer whose unfinished task expired with the conversation. */
    public Builder welcomeBack(Function<String, Event.BotUttered> prompt) {
      welcomeBack = prompt;
      return this;
    }

    /** The intents and option labels that confirm or cancel. */
    public Builder confirmation(
        String affirm, String deny, String confirmLabel, String cancelLabel) {
      affirmIntent = affirm;
      denyIntent = deny;
      confirmLabels = List.of(confirmLabel, cancelLabel);
      return this;
    }

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
