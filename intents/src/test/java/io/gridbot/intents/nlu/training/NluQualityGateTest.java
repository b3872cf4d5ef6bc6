package io.gridbot.intents.nlu.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.dialog.nlu.IntentEvaluation;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.OpenNlpIntentClassifier;
import io.gridbot.dialog.nlu.TrainingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality gate on the training data: the build fails when an intent has too few examples, when
 * the same text is labelled with two intents, or when cross-validation accuracy drops under 0.95.
 */
class NluQualityGateTest {

  static final double MIN_ACCURACY = 0.95;
  static final int MIN_EXAMPLES = 80;

  private final TrainingData data = TrainingData.load();

  @Test
  void everyIntentHasEnoughDistinctExamples() {
    assertThat(data.counts())
        .allSatisfy((intent, n) -> assertThat(n).as(intent).isGreaterThanOrEqualTo(MIN_EXAMPLES));
  }

  @Test
  void noTextIsLabelledWithTwoIntents() {
    assertThat(data.conflicts()).isEmpty();
  }

  @Test
  void crossValidationAccuracyIsAtLeast95Percent() {
    IntentEvaluation evaluation =
        IntentEvaluation.crossValidate(
            data.examples(),
            NluEvaluationCommand.FOLDS,
            NluEvaluationCommand.SEED,
            TrainingSettings.defaults());
    System.out.printf(
        "NLU cross-validation: accuracy %.3f, macro-F1 %.3f%n",
        evaluation.accuracy(), evaluation.macroF1());
    assertThat(evaluation.accuracy()).as(evaluation.report()).isGreaterThanOrEqualTo(MIN_ACCURACY);
  }

  @Test
  void trainingIsDeterministic() {
    // the model built with the classes (or trained at start-up) and one trained now agree exactly
    OpenNlpIntentClassifier first = AssistantNlu.classifier();
    OpenNlpIntentClassifier second =
        OpenNlpIntentClassifier.train(data.examples(), TrainingSettings.defaults());
    for (String text : List.of("我家电费还剩多少", "明天我们小区停电吗", "转人工", "今天天气怎么样")) {
      List<IntentRanking> a = first.rank(text);
      List<IntentRanking> b = second.rank(text);
      assertThat(a).as(text).isEqualTo(b);
    }
  }

  @Test
  void catalogueIllustrationsAreRecognised() {
    OpenNlpIntentClassifier classifier = AssistantNlu.classifier();
    String[][] illustrations = {
      {"我家电费还剩多少", "check_balance"},
      {"上个月用了多少度电", "check_bill"},
      {"帮我交100元电费", "pay_bill"},
      {"家里突然停电了", "report_fault"},
      {"明天我们小区停电吗", "outage_query"},
      {"预约明天上午上门检查电表", "book_appointment"},
      {"取消我的预约", "cancel_appointment"},
      {"新房子要装电表怎么申请", "apply_new_connection"},
      {"房子卖了要过户", "account_change"},
      {"我报修的进度怎么样了", "check_progress"},
      {"绑定户号3302158890", "bind_account"},
      {"解绑户号", "unbind_account"},
      {"余额不足的时候提醒我", "subscribe_notice"},
      {"别再给我发停电通知了", "unsubscribe_notice"},
      {"我有多少积分", "points_query"},
      {"积分换优惠券", "points_redeem"},
      {"开通支付宝自动扣电费", "auto_debit"},
      {"开电费发票", "invoice"},
      {"峰谷电价怎么算", "tariff_query"},
      {"怎么省电", "energy_advice"},
      {"转人工", "human_agent"},
      {"我要投诉抄表员", "complaint"},
      {"你好", "greeting"},
      {"谢谢，再见", "thanks_bye"},
      {"对的", "affirm"},
      {"不是", "deny"},
      {"今天天气怎么样", "out_of_scope"},
    };
    for (String[] case_ : illustrations) {
      assertThat(classifier.rank(case_[0]).get(0).intent()).as(case_[0]).isEqualTo(case_[1]);
    }
  }
}
