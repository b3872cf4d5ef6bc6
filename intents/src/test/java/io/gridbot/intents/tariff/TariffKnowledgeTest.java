package io.gridbot.intents.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TariffKnowledgeTest {

  private final TariffKnowledge knowledge = TariffKnowledge.load();

  @Test
  void questionsFindTheirTopicByKeyword() {
    assertThat(knowledge.topicOf("阶梯电价怎么算")).contains("tiered");
    assertThat(knowledge.topicOf("峰谷电价几点算低谷")).contains("time_of_use");
    assertThat(knowledge.topicOf("家里人多能多给点电量吗 一户多人口")).contains("multi_person");
    assertThat(knowledge.topicOf("开店的商业电价多少")).contains("business");
    // EV comes before time of use: "晚上充电桩" is about charging
    assertThat(knowledge.topicOf("晚上给电动汽车充电多少钱")).contains("ev");
    assertThat(knowledge.topicOf("电价多少")).isEmpty();
  }

  @Test
  void theFiguresMatchTheDemoTariff() {
    assertThat(knowledge.number("time_of_use.peak.price")).isEqualByComparingTo("0.568");
    assertThat(knowledge.number("time_of_use.flat.price")).isEqualByComparingTo("0.538");
    assertThat(knowledge.number("time_of_use.valley.price"))
        .isEqualByComparingTo(new BigDecimal("0.288"));
  }
}
