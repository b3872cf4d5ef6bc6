package io.gridbot.intents.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.nlu.TrainingSettings;
import org.junit.jupiter.api.Test;

/** The model trained at build time is used only when it was trained on the current data. */
class AssistantNluTest {

  @Test
  void bundledModelMatchesTheCurrentDataAndIsLoaded() {
    String fingerprint = TrainingData.load().fingerprint(TrainingSettings.defaults());
    assertThat(AssistantNlu.bundled(fingerprint))
        .hasValueSatisfying(
            c ->
                assertThat(c.intents())
                    .containsExactlyInAnyOrderElementsOf(IntentCatalogue.INTENTS));
  }

  @Test
  void aModelOfOtherDataIsNotUsed() {
    assertThat(AssistantNlu.bundled("0".repeat(64))).isEmpty();
  }

  @Test
  void fingerprintChangesWithDataOrSettings() {
    TrainingData data = TrainingData.load();
    String base = data.fingerprint(TrainingSettings.defaults());
    assertThat(data.fingerprint(new TrainingSettings(1, 201, 0, 0.02))).isNotEqualTo(base);
    TrainingData fewer =
        new TrainingData(data.examples().subList(1, data.examples().size()), 0, java.util.Map.of());
    assertThat(fewer.fingerprint(TrainingSettings.defaults())).isNotEqualTo(base);
    assertThat(data.fingerprint(TrainingSettings.defaults())).isEqualTo(base);
  }
}
