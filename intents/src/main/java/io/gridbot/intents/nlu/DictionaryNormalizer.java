package io.gridbot.intents.nlu;

import com.hankcs.hanlp.HanLP;
import io.gridbot.dialog.nlu.TextNormalizer;

/**
 * Normalises text for dictionary and address matching without moving offsets: every result has
 * exactly the length of its input, so a span found in the result is the same span in the original.
 */
final class DictionaryNormalizer {

  static {
    // HanLP loads its traditional→simplified table on first use (~0.5 s): pay that at class load,
    // not on a customer's first message
    HanLP.convertToSimplifiedChinese("電");
  }

  private DictionaryNormalizer() {}

  /** Full-width forms to ASCII and traditional to simplified Chinese, offsets kept. */
  static String simplified(String text) {
    String halfWidth = TextNormalizer.toHalfWidth(text);
    String converted = HanLP.convertToSimplifiedChinese(halfWidth);
    if (converted.length() == halfWidth.length()) {
      return converted;
    }
    // a few table entries change length (士多啤梨→草莓, rare characters outside the BMP): convert
    // character by character then, keeping only one-to-one conversions
    StringBuilder sb = new StringBuilder(halfWidth.length());
    for (int i = 0; i < halfWidth.length(); i++) {
      char c = halfWidth.charAt(i);
      String one =
          Character.isSurrogate(c) ? "" : HanLP.convertToSimplifiedChinese(String.valueOf(c));
      sb.append(one.length() == 1 ? one.charAt(0) : c);
    }
    return sb.toString();
  }

  /**
   * {@link #simplified(String)} with ASCII letters lower-cased: what dictionaries are matched on.
   */
  static String forMatching(String text) {
    String simplified = simplified(text);
    StringBuilder sb = null;
    for (int i = 0; i < simplified.length(); i++) {
      char c = simplified.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(simplified);
        }
        sb.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return sb == null ? simplified : sb.toString();
  }
}
