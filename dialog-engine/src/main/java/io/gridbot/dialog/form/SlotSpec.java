package io.gridbot.dialog.form;

import io.gridbot.dialog.tracker.Tracker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One slot a form must fill.
 *
 * @param name the slot name
 * @param entity the entity type that fills it from any message (may be null: only direct answers)
 * @param prompt what to ask when the slot is missing
 * @param retryPrompt what to ask after an answer that did not validate
 * @param parser turns an answer (an entity value or the whole message) into the slot's value, or
 *     empty when it is not acceptable; sees the conversation so far (e.g. the slots already filled)
 * @param choices the options offered with the prompt, or null for a free answer; an answer by
 *     number, ordinal or label takes the option's value
 * @param prefill a value to take without asking (e.g. the only bound account), or null
 * @param needed whether the slot is needed at all given the others (e.g. a capacity only for some
 *     application types), or null for always
 * @param freeText whether almost any answer is acceptable (an address, a description): then a
 *     message that is clearly another question is answered as such instead of being taken
 */
public record SlotSpec(
    String name,
    String entity,
    Prompt prompt,
    Prompt retryPrompt,
    BiFunction<Tracker, String, Optional<String>> parser,
    Function<Tracker, List<Choice>> choices,
    Function<Tracker, Optional<String>> prefill,
    Predicate<Tracker> needed,
    boolean freeText) {

  public SlotSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(retryPrompt, "retryPrompt");
    Objects.requireNonNull(parser, "parser");
    if (name.startsWith("form_") || name.equals(io.gridbot.dialog.tracker.Tracker.REQUESTED_SLOT)) {
      throw new IllegalArgumentException("slot name reserved for the engine: " + name);
    }
  }

  /** Starts a slot spec; {@link Builder#build()} needs at least a prompt and a parser. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Whether the slot is needed in {@code tracker}'s state. */
  public boolean isNeeded(Tracker tracker) {
    return needed == null || needed.test(tracker);
  }

  /** Builds a {@link SlotSpec}. */
  public static final class Builder {
    private final String name;
    private String entity;
    private Prompt prompt;
    private Prompt retryPrompt;
    private BiFunction<Tracker, String, Optional<String>> parser;
    private Function<Tracker, List<Choice>> choices;
    private Function<Tracker, Optional<String>> prefill;
    private Predicate<Tracker> needed;
    private boolean freeText;

    private Builder(String name) {
      this.name = name;
    }

    /** Fills the slot from this entity type whenever a message carries one. */
    public Builder entity(String entity) {
      this.entity = entity;
      return this;
    }

    public Builder prompt(Prompt prompt) {
      this.prompt = prompt;
      return this;
    }

    /** Asked after a bad answer; the prompt itself when not set. */
    public Builder retry(Prompt retryPrompt) {
      this.retryPrompt = retryPrompt;
      return this;
    }

    public Builder parser(Function<String, Optional<String>> parser) {
      this.parser = (tracker, text) -> parser.apply(text);
      return this;
    }

    public Builder parser(BiFunction<Tracker, String, Optional<String>> parser) {
      this.parser = parser;
      return this;
    }

    /** Accepts any non-blank answer of at most {@code maxLength} characters, trimmed. */
    public Builder freeText(int maxLength) {
      this.freeText = true;
      this.parser =
          (tracker, text) -> {
            String t = text.strip();
            return t.isEmpty() || t.length() > maxLength ? Optional.empty() : Optional.of(t);
          };
      return this;
    }

    public Builder choices(Function<Tracker, List<Choice>> choices) {
      this.choices = choices;
      return this;
    }

    public Builder prefill(Function<Tracker, Optional<String>> prefill) {
      this.prefill = prefill;
      return this;
    }

    public Builder neededWhen(Predicate<Tracker> needed) {
      this.needed = needed;
      return this;
    }

    public SlotSpec build() {
      if (parser == null && choices != null) {
        parser = (tracker, text) -> Optional.empty();
      }
      return new SlotSpec(
          name,
          entity,
          prompt,
          retryPrompt == null ? prompt : retryPrompt,
          parser,
          choices,
          prefill,
          needed,
          freeText);
    }
  }
}
