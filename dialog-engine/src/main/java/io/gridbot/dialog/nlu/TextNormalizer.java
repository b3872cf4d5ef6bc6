package io.gridbot.dialog.nlu;

/** Normalises what customers type before it is matched: full-width forms to ASCII, trimmed. */
public final class TextNormalizer {

  private TextNormalizer() {}

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
