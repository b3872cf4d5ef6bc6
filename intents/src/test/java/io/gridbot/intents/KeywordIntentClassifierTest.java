package io.gridbot.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.intents.nlu.KeywordIntentClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordIntentClassifierTest {

  private final KeywordIntentClassifier classifier = new KeywordIntentClassifier();

  @ParameterizedTest
  @CsvSource({
    "我家电费还剩多少, check_balance",
    "绑定户号3300000001, bind_account",
    "解绑户号, unbind_account",
    "转人工, human_agent",
    "算了, deny",
    "ＨＥＬＬＯ, greeting",
    "谢谢再见, thanks_bye"
  })
  void keywordsPickTheirIntent(String text, String intent) {
    assertThat(classifier.rank(text)).first().extracting(IntentRanking::intent).isEqualTo(intent);
  }

  @Test
  void nothingMatchedRanksNothing() {
    assertThat(classifier.rank("今天天气怎么样")).isEmpty();
  }
}
