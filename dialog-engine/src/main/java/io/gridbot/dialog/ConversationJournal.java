package io.gridbot.dialog;

import io.gridbot.dialog.channel.Reply;
import io.gridbot.dialog.channel.UserMessage;
import io.gridbot.dialog.nlu.ParseResult;
import java.util.List;

/**
 * Records every turn: the customer's message with the NLU's reading, and the replies. Implemented
 * outside the engine (the business keeps the conversation log).
 */
public interface ConversationJournal {

  /**
   * Records one turn. Called after the turn's state is saved.
   *
   * @param message the customer's message
   * @param parse what the NLU made of it
   * @param replies what the assistant answered, possibly empty
   */
  void record(UserMessage message, ParseResult parse, List<Reply> replies);
}
