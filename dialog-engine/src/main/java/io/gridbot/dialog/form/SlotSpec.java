package io.gridbot.dialog.form;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One slot a form must fill.
 *
 * @param name the slot name
 * @param entity the entity type that fills it from any message (may be null: only direct answers)
 * @param prompt what to ask when the slot is missing
 * @param retryPrompt what to ask after an answer that did not validate
 * @param parser turns an answer (an entity value or the whole message) into the slot's value, or
 *     empty when it is not acceptable
 */
public record SlotSpec(
    String name,
    String entity,
    String prompt,
    String retryPrompt,
    Function<String, Optional<String>> parser) {

  public SlotSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(retryPrompt, "retryPrompt");
    Objects.requireNonNull(parser, "parser");
  }
}
