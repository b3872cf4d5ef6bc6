package io.gridbot.intents.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.NluPipeline;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DomainEntitiesTest {

  private static final Instant AT = OffsetDateTime.parse("2026-11-27T10:00+08:00").toInstant();

  private final List<EntityExtractor> extractors = DomainEntities.extractors();

  static Stream<String> hostileInputs() {
    Random random = new Random(42);
    StringBuilder han = new StringBuilder();
    StringBuilder anything = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      han.append((char) (0x4E00 + random.nextInt(0x5200)));
      anything.append((char) random.nextInt(0x10000));
    }
    return Stream.of(
        "",
        " ",
        "\u3000",
        "😀🔌⚡ 停电了😭",
        "\uD83D",
        "\uDE00幸福小区",
        "<script>alert('户号3300000001')</script>",
        "'; DROP TABLE account; -- 3300000001",
        "\u0000\u0001\t\n\r",
        "区".repeat(1000),
        "1".repeat(1000),
        "3300 ".repeat(200),
        "幸福小区3栋2单元501 ".repeat(60),
        "士多啤梨筆記簿型電腦㑮",
        han.toString(),
        anything.toString());
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void hostileInputNeitherThrowsNorYieldsBrokenSpans(String text) {
    for (EntityExtractor extractor : extractors) {
      List<Entity> found = extractor.extract(text, AT);

      assertThat(found)
          .allSatisfy(
              e -> {
                assertThat(e.end()).isLessThanOrEqualTo(text.length());
                assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
                assertThat(e.value()).isNotBlank();
              });
    }
  }

  @Test
  void theExtractorsAreBuiltOnceAndShared() {
    assertThat(DomainEntities.extractors()).isSameAs(extractors);
    assertThat(extractors)
        .extracting(e -> e.extract("户号3300000001幸福小区3栋要过户，欠费提醒", AT).get(0).name())
        .containsExactly(
            DomainEntities.ACCOUNT_NO,
            DomainEntities.ADDRESS,
            DomainEntities.BUSINESS_TYPE,
            DomainEntities.NOTICE_TYPE);
  }

  @Test
  void thePipelineKeepsEveryDomainEntityOfAMessage() {
    NluPipeline pipeline =
        new NluPipeline(
            text -> List.of(new IntentRanking("apply_new_connection", 1)), extractors, 0.5);
    String text = "我住在幸福小区3栋2单元501，户号3300000001，想装充电桩，顺便订阅停电通知";

    assertThat(pipeline.extractEntities(text, AT))
        .extracting(Entity::name, Entity::value, Entity::text)
        .containsExactly(
            tuple("address", "幸福小区3栋2单元501", "幸福小区3栋2单元501"),
            tuple("account_no", "3300000001", "3300000001"),
            tuple("business_type", "EV_CHARGER", "装充电桩"),
            tuple("notice_type", "outage", "停电通知"));
  }

  @Test
  void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
    List<String> texts =
        List.of(
            "户号3300000001要过户",
            "西湖区文三路90号东部软件园2幢装充电桩",
            "幸福小區3棟2單元501停電通知",
            "余额不足的时候提醒我，账单每月发我",
            "我们小区停电了");
    List<List<Entity>> expected = texts.stream().map(this::extractAll).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i % texts.size();
        results.add(pool.submit(() -> extractAll(texts.get(n)).equals(expected.get(n))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Entity> extractAll(String text) {
    return extractors.stream().flatMap(e -> e.extract(text, AT).stream()).toList();
  }
}
