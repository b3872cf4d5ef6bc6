package io.gridbot.intents.handoff;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.intents.Templates;
import java.util.List;
import java.util.Objects;

/** What the customer is told when the agents' side changes outside a turn of theirs. */
public final class HandoffNotices {

  private final Templates templates;

  public HandoffNotices(Templates templates) {
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  /** The agent gave the conversation back to the robot ({@code handoff.released}). */
  public List<Reply> released() {
    return List.of(templates.say("handoff.released").reply());
  }
}
