package io.gridbot.dialog.tracker;

import io.gridbot.dialog.ConversationId;
import java.util.Optional;

/** Keeps trackers between turns. Implementations are shared by all server instances. */
public interface TrackerStore {

  /** The conversation's tracker, or empty when it is new or has been idle too long. */
  Optional<Tracker> load(ConversationId conversation);

  /** Saves the tracker, restarting its idle timeout. */
  void save(Tracker tracker);
}
