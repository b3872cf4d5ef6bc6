package io.gridbot.intents;

import io.gridbot.dialog.ConversationJournal;
import io.gridbot.dialog.DialogSettings;
import io.gridbot.dialog.MessageProcessor;
import io.gridbot.dialog.nlu.NluPipeline;
import io.gridbot.dialog.policy.Domain;
import io.gridbot.dialog.store.StateStore;
import io.gridbot.dialog.store.StateStores;
import io.gridbot.dialog.tracker.StateTrackerStore;
import io.gridbot.intents.nlu.training.AssistantNlu;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** The assistant's engine for conversation tests: the real NLU (loaded once), in-process state. */
final class TestAssistant {

  /** Loaded once for every conversation test: the model takes a second or two. */
  static final NluPipeline NLU = AssistantNlu.pipeline(0.5, AssistantExtractors.all());

  private TestAssistant() {}

  /** An engine for {@code domain} on {@code state} (trackers idle out after 30 minutes). */
  static MessageProcessor processor(Domain domain, StateStore state, ConversationJournal journal) {
    JsonMapper json = JsonMapper.builder().build();
    return new MessageProcessor(
        NLU,
        domain,
        new StateTrackerStore(state, Duration.ofMinutes(30), json),
        StateStores.inMemoryLockStore(),
        state,
        journal,
        DialogSettings.defaults(),
        json);
  }
}
