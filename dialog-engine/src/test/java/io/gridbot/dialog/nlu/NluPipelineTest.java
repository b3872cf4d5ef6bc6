package io.gridbot.dialog.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NluPipelineTest {

  private final EntityExtractor numbers =
      new RegexEntityExtractor("number", Pattern.compile("[0-9]+"));
  private final EntityExtractor rooms =
      new RegexEntityExtractor("address", Pattern.compile("[0-9]+栋[0-9]+单元[0-9]+"));

  @Test
  void longerSpanWinsWhereEntitiesOverlap() {
    NluPipeline nlu =
        new NluPipeline(t -> List.of(new IntentRanking("x", 0.9)), List.of(numbers, rooms), 0.5);
    List<Entity> entities = nlu.parse("3栋2单元501交100", Instant.EPOCH).entities();
    assertThat(entities)
        .extracting(Entity::name, Entity::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("address", "3栋2单元501"),
            org.assertj.core.groups.Tuple.tuple("number", "100"));
  }

  @Test
  void aFailingExtractorIsSkippedAndTheOthersCount() {
    EntityExtractor broken =
        (text, at) -> {
          throw new IllegalStateException("bug");
        };
    NluPipeline nlu =
        new NluPipeline(t -> List.of(new IntentRanking("x", 0.9)), List.of(broken, numbers), 0.5);
    ParseResult result = nlu.parse("交100", Instant.EPOCH);
    assertThat(result.intentName()).isEqualTo("x");
    assertThat(result.entities()).extracting(Entity::value).containsExactly("100");
  }

  @Test
  void rankingIsSortedAndTopIsTheIntent() {
    NluPipeline nlu =
        new NluPipeline(
            t -> List.of(new IntentRanking("a", 0.2), new IntentRanking("b", 0.7)), List.of(), 0.5);
    ParseResult result = nlu.parse("hi", Instant.EPOCH);
    assertThat(result.intentName()).isEqualTo("b");
    assertThat(result.ranking()).extracting(IntentRanking::intent).containsExactly("b", "a");
  }
}
