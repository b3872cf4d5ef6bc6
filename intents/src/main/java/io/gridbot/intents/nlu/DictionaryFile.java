package io.gridbot.intents.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a synonym dictionary: UTF-8 lines {@code CODE<TAB>synonym}; blank lines and lines starting
 * with {@code #} are ignored. A synonym may hold alternatives in braces, {@code 装{电表|电能表}} being
 * {@code 装电表} and {@code 装电能表}; an empty alternative is allowed ({@code 欠费{了|}提醒我}). The code
 * {@link #BLOCKER} marks a longer word that only stops shorter synonyms from matching inside it.
 */
final class DictionaryFile {

  /** The code of a blocking entry: {@code -\t新装修} keeps 新装 from matching in 新装修. */
  static final String BLOCKER = "-";

  private DictionaryFile() {}

  /**
   * The synonyms of the classpath resource {@code resource}, normalised with {@link
   * DictionaryNormalizer#forMatching}, each mapped to its code.
   *
   * @throws IllegalStateException if the resource is missing, a line is malformed, a code is not in
   *     {@code codes} (nor {@link #BLOCKER}), or one synonym is given two different codes
   */
  static Map<String, String> load(String resource, Set<String> codes) {
    try (InputStream in = DictionaryFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("dictionary not found on the classpath: " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(resource, reader.lines().toList(), codes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dictionary " + resource, e);
    }
  }

  /** {@link #load} on lines already read; {@code source} names them in error messages. */
  static Map<String, String> parse(String source, List<String> lines, Set<String> codes) {
    Map<String, String> synonyms = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = source + ":" + (i + 1);
      String[] fields = line.split("\t");
      if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
        throw new IllegalStateException(where + ": expected CODE<TAB>synonym, got " + line);
      }
      String code = fields[0].strip();
      if (!code.equals(BLOCKER) && !codes.contains(code)) {
        throw new IllegalStateException(where + ": unknown code " + code);
      }
      for (String synonym : expand(where, fields[1].strip())) {
        String key = DictionaryNormalizer.forMatching(synonym);
        if (key.isEmpty()) {
          throw new IllegalStateException(where + ": empty synonym");
        }
        String previous = synonyms.putIfAbsent(key, code);
        if (previous != null && !previous.equals(code)) {
          throw new IllegalStateException(
              where + ": " + synonym + " is both " + previous + " and " + code);
        }
      }
    }
    if (synonyms.isEmpty()) {
      throw new IllegalStateException(source + ": no entries");
    }
    return synonyms;
  }

  /** Every spelling of a synonym with brace alternatives. */
  static List<String> expand(String where, String synonym) {
    int open = synonym.indexOf('{');
    if (open < 0) {
      if (synonym.indexOf('}') >= 0 || synonym.indexOf('|') >= 0) {
        throw new IllegalStateException(where + ": unbalanced braces in " + synonym);
      }
      return List.of(synonym);
    }
    int close = synonym.indexOf('}', open);
    if (close < 0 || synonym.substring(open + 1, close).indexOf('{') >= 0) {
      throw new IllegalStateException(where + ": unbalanced braces in " + synonym);
    }
    String head = synonym.substring(0, open);
    if (head.indexOf('}') >= 0 || head.indexOf('|') >= 0) {
      throw new IllegalStateException(where + ": unbalanced braces in " + synonym);
    }
    List<String> tails = expand(where, synonym.substring(close + 1));
    List<String> spellings = new ArrayList<>();
    for (String alternative : synonym.substring(open + 1, close).split("\\|", -1)) {
      for (String tail : tails) {
        spellings.add(head + alternative + tail);
      }
    }
    return spellings;
  }
}
