package io.gridbot.intents;

import io.gridbot.dialog.tracker.Tracker;
import io.gridbot.service.account.ChannelUser;

/** Maps engine conversations to the business's channel users. */
public final class Conversations {

  private Conversations() {}

  /** The channel user a tracker's conversation belongs to. */
  public static ChannelUser userOf(Tracker tracker) {
    return new ChannelUser(tracker.conversation().channel(), tracker.conversation().senderId());
  }
}
