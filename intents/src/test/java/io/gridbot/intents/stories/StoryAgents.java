package io.gridbot.intents.stories;

import io.gridbot.dialog.ConversationId;
import io.gridbot.dialog.channel.Reply;
import java.util.List;

/** What a human agent does in a story: claim, answer, release a queued conversation. */
interface StoryAgents {

  void claim(ConversationId conversation);

  /**
   * The agent answers.
   *
   * @return the texts the customer's channel received
   */
  List<String> say(ConversationId conversation, String text);

  /**
   * The agent releases the conversation.
   *
   * @return what the customer was told
   */
  List<Reply> release(ConversationId conversation);
}
