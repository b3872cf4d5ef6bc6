package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DictionaryExtractorTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private static final Set<String> CODES = Set.of("A", "B");

  private static DictionaryExtractor dictionary(String... lines) {
    return new DictionaryExtractor("thing", DictionaryFile.parse("test", List.of(lines), CODES));
  }

  @Test
  void braceAlternativesExpandToEverySpelling() {
    assertThat(DictionaryFile.expand("test", "{装|安装}{电表|}申请"))
        .containsExactly("装电表申请", "装申请", "安装电表申请", "安装申请");
  }

  @Test
  void commentsAndBlankLinesAreIgnoredAndSynonymsNormalised() {
    Map<String, String> synonyms =
        DictionaryFile.parse("test", List.of("# comment", "", "A\t過戶", "B\tＥＶ{桩|}"), CODES);

    assertThat(synonyms)
        .containsOnly(Map.entry("过户", "A"), Map.entry("ev桩", "B"), Map.entry("ev", "B"));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = ';',
      textBlock =
          """
          unknown code C          ; C\t装表
          expected CODE<TAB>synonym ; A 装表
          expected CODE<TAB>synonym ; A\t装表\t验表
          unbalanced braces       ; A\t{装|安装
          unbalanced braces       ; A\t装|安装
          unbalanced braces       ; A\t{装{电}表}
          is both A and B         ; B\t过户
          """)
  void malformedDictionariesAreRejectedWithTheirLine(String message, String line) {
    List<String> lines = List.of("A\t过户", line);

    assertThatThrownBy(() -> DictionaryFile.parse("test", lines, CODES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("test:2")
        .hasMessageContaining(message);
  }

  @Test
  void anEmptyOrMissingDictionaryIsRejected() {
    assertThatThrownBy(() -> DictionaryFile.parse("test", List.of("# nothing"), CODES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no entries");
    assertThatThrownBy(() -> DictionaryExtractor.fromResource("thing", "/nowhere.tsv", CODES))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nowhere.tsv");
  }

  @Test
  void theLongestSynonymWins() {
    DictionaryExtractor extractor = dictionary("A\t装表", "B\t新装", "B\t装表申请");

    assertThat(extractor.extract("新装表申请", AT))
        .extracting(Entity::value, Entity::start, Entity::end, Entity::text)
        .containsExactly(tuple("B", 1, 5, "装表申请"));
  }

  @Test
  void onATieTheLeftmostWins() {
    DictionaryExtractor extractor = dictionary("A\t新装", "B\t装表");

    assertThat(extractor.extract("新装表", AT))
        .extracting(Entity::value, Entity::text)
        .containsExactly(tuple("A", "新装"));
  }

  @Test
  void aBlockerHidesSynonymsInsideItAndIsNotReported() {
    DictionaryExtractor extractor = dictionary("A\t新装", "-\t新装修");

    assertThat(extractor.extract("新装修的房子要新装", AT))
        .extracting(Entity::value, Entity::start, Entity::end)
        .containsExactly(tuple("A", 7, 9));
  }

  @Test
  void asciiSynonymsMatchOnlyWholeWords() {
    DictionaryExtractor extractor = dictionary("A\tev", "B\t充电");

    assertThat(extractor.extract("every EV充电", AT))
        .extracting(Entity::value, Entity::text)
        .containsExactly(tuple("A", "EV"), tuple("B", "充电"));
  }

  @Test
  void spansPointIntoTheOriginalText() {
    DictionaryExtractor extractor = dictionary("A\t过户");

    assertThat(extractor.extract("ＡＢ過戶", AT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.start()).isEqualTo(2);
              assertThat(e.end()).isEqualTo(4);
              assertThat(e.text()).isEqualTo("過戶");
            });
  }

  @Test
  void textsWhoseConversionChangesLengthKeepTheirOffsets() {
    DictionaryExtractor extractor = dictionary("A\t过户");

    // 士多啤梨 (4) converts to 草莓 (2): the extractor must fall back to per-character conversion
    assertThat(extractor.extract("士多啤梨過戶", AT))
        .extracting(Entity::start, Entity::end, Entity::text)
        .containsExactly(tuple(4, 6, "過戶"));
  }
}
