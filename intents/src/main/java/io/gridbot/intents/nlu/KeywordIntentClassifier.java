package io.gridbot.intents.nlu;

import io.gridbot.dialog.nlu.IntentClassifier;
import io.gridbot.dialog.nlu.IntentRanking;
import io.gridbot.dialog.nlu.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A provisional keyword classifier, in place until the statistical NLU replaces it: an intent whose
 * keyword occurs in the message scores {@link #MATCH}; the first intent in table order wins ties.
 * It covers only the intents the foundation serves.
 */
public final class KeywordIntentClassifier implements IntentClassifier {

  /** The confidence of a keyword match. */
  static final double MATCH = 0.9;

  private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

  static {
    KEYWORDS.put("unbind_account", List.of("解绑", "解除绑定", "取消绑定"));
    KEYWORDS.put("bind_account", List.of("绑定", "绑户号", "绑个户号", "关联户号", "添加户号", "绑定户号"));
    KEYWORDS.put(
        "check_balance",
        List.of("余额", "还剩", "剩多少", "欠费", "欠多少", "欠了多少", "电费多少", "多少电费", "查电费", "查询电费"));
    KEYWORDS.put("human_agent", List.of("人工", "真人", "客服"));
    KEYWORDS.put("deny", List.of("算了", "取消", "不办了", "不用了", "不要了", "不是"));
    KEYWORDS.put("affirm", List.of("是的", "对的", "确认", "好的", "可以", "ok"));
    KEYWORDS.put("thanks_bye", List.of("谢谢", "感谢", "再见", "拜拜", "bye"));
    KEYWORDS.put("greeting", List.of("你好", "您好", "在吗", "hello", "hi", "哈喽", "早上好"));
  }

  @Override
  public List<IntentRanking> rank(String text) {
    String normalised = TextNormalizer.toHalfWidth(text).toLowerCase(Locale.ROOT);
    List<IntentRanking> ranking = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : KEYWORDS.entrySet()) {
      if (entry.getValue().stream().anyMatch(normalised::contains)) {
        ranking.add(new IntentRanking(entry.getKey(), ranking.isEmpty() ? MATCH : 0.05));
      }
    }
    return ranking;
  }
}
