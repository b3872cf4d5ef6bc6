package io.gridbot.dialog.nlu;

import com.hankcs.hanlp.HanLP;
import java.util.Locale;

/** Normalises what customers type before it is matched or classified. */
public final class TextNormalizer {

  /** What every run of digits becomes for classification. */
  public static final char NUMBER = '0';

  private TextNormalizer() {}

  /**
   * The text as the intent classifier sees it: full-width to half-width, traditional to simplified
   * Chinese, lowercase, every run of digits replaced by {@link #NUMBER}, and everything that is not
   * a letter, a Chinese character or a digit (spaces, punctuation, emoji, symbols) removed.
   */
  public static String forClassification(String text) {
    String simplified =
        HanLP.convertToSimplifiedChinese(toHalfWidth(text)).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(simplified.length());
    boolean inNumber = false;
    for (int i = 0; i < simplified.length(); ) {
      int cp = simplified.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isDigit(cp)) {
        if (!inNumber) {
          sb.append(NUMBER);
        }
        inNumber = true;
      } else {
        inNumber = false;
        if (Character.isLetter(cp)) {
          sb.appendCodePoint(cp);
        }
      }
    }
    return sb.toString();
  }

  /**
   * Maps full-width ASCII variants (U+FF01..U+FF5E) and the ideographic space to their ASCII forms
   * and trims. The result has the same length as the input minus trimmed spaces, so offsets into
   * the trimmed text stay valid.
   */
  public static String toHalfWidth(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u3000') {
        sb.append(' ');
      } else if (c >= '\uFF01' && c <= '\uFF5E') {
        sb.append((char) (c - 0xFEE0));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
