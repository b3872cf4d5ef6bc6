package io.gridbot.intents;

import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.entity.AmountExtractor;
import io.gridbot.dialog.nlu.entity.DateTimeExtractor;
import io.gridbot.dialog.nlu.entity.PhoneExtractor;
import io.gridbot.intents.nlu.DomainEntities;
import java.util.ArrayList;
import java.util.List;

/** Every entity extractor of the assistant: the engine's generic ones and the domain's. */
public final class AssistantExtractors {

  private AssistantExtractors() {}

  /** The extractors, in order of precedence where their spans tie. */
  public static List<EntityExtractor> all() {
    List<EntityExtractor> extractors = new ArrayList<>(DomainEntities.extractors());
    extractors.add(new PhoneExtractor());
    extractors.add(new AmountExtractor());
    extractors.add(new DateTimeExtractor());
    return List.copyOf(extractors);
  }
}
