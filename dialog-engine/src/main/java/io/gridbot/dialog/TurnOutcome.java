package io.gridbot.dialog;

import io.gridbot.dialog.channel.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * What one customer message got back.
 *
 * @param replies the replies, in order; empty when there is nothing to say (e.g. an agent holds the
 *     conversation)
 * @param templates the template key of each reply, in the same order (null where a reply had none)
 */
public record TurnOutcome(List<Reply> replies, List<String> templates) {

  public TurnOutcome {
    replies = List.copyOf(replies);
    templates = java.util.Collections.unmodifiableList(new ArrayList<>(templates));
    if (replies.size() != templates.size()) {
      throw new IllegalArgumentException("one template key per reply");
    }
  }

  public static TurnOutcome of(Reply reply) {
    return new TurnOutcome(List.of(reply), java.util.Collections.singletonList(null));
  }
}
