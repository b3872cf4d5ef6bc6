package io.gridbot.intents.nlu;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.gridbot.dialog.nlu.Entity;
import io.gridbot.dialog.nlu.EntityExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the synonyms of a dictionary in a message; the entity value is the synonym's code. Matching
 * is on a normalised copy of the message (full-width to ASCII, traditional to simplified Chinese,
 * ASCII lower case), so {@code 過戶} and {@code ＥＶ} match {@code 过户} and {@code ev}; spans refer to
 * the original text. Where synonyms overlap the longest wins (then the leftmost), which is also how
 * blocking entries keep a synonym from matching inside a longer unrelated word. A synonym that
 * starts or ends with an ASCII letter or digit only matches on a word boundary.
 *
 * <p>The dictionary is read once, when the extractor is built; the extractor is immutable and
 * thread-safe.
 */
public final class DictionaryExtractor implements EntityExtractor {

  private static final Comparator<AhoCorasickDoubleArrayTrie<String>.Hit<String>> LONGEST_FIRST =
      Comparator.comparingInt((AhoCorasickDoubleArrayTrie<String>.Hit<String> h) -> h.begin - h.end)
          .thenComparingInt(h -> h.begin);

  private final String entity;
  private final AhoCorasickDoubleArrayTrie<String> trie;

  DictionaryExtractor(String entity, Map<String, String> synonyms) {
    this.entity = Objects.requireNonNull(entity, "entity");
    if (synonyms.isEmpty()) {
      throw new IllegalArgumentException("no synonyms for " + entity);
    }
    this.trie = new AhoCorasickDoubleArrayTrie<>();
    trie.build(new TreeMap<>(synonyms));
  }

  /**
   * An extractor of {@code entity} from a dictionary on the classpath (format: {@code
   * CODE<TAB>synonym} lines, see the header of the bundled {@code business_types.tsv}).
   *
   * @param entity the entity name, e.g. {@code business_type}
   * @param resource absolute classpath path of the UTF-8 dictionary
   * @param codes the codes the dictionary may use; anything else is a typo
   * @throws IllegalStateException if the dictionary is missing, malformed, empty, uses an unknown
   *     code or gives one synonym two codes
   */
  public static DictionaryExtractor fromResource(
      String entity, String resource, Set<String> codes) {
    return new DictionaryExtractor(entity, DictionaryFile.load(resource, codes));
  }

  @Override
  public List<Entity> extract(String text, Instant at) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normalised = DictionaryNormalizer.forMatching(text);
    List<AhoCorasickDoubleArrayTrie<String>.Hit<String>> hits = new ArrayList<>();
    for (AhoCorasickDoubleArrayTrie<String>.Hit<String> hit : trie.parseText(normalised)) {
      if (onWordBoundary(normalised, hit.begin, hit.end)) {
        hits.add(hit);
      }
    }
    hits.sort(LONGEST_FIRST);
    List<AhoCorasickDoubleArrayTrie<String>.Hit<String>> kept = new ArrayList<>();
    for (AhoCorasickDoubleArrayTrie<String>.Hit<String> hit : hits) {
      if (kept.stream().noneMatch(k -> k.begin < hit.end && hit.begin < k.end)) {
        kept.add(hit);
      }
    }
    kept.sort(Comparator.comparingInt(h -> h.begin));
    List<Entity> found = new ArrayList<>(kept.size());
    for (AhoCorasickDoubleArrayTrie<String>.Hit<String> hit : kept) {
      if (!hit.value.equals(DictionaryFile.BLOCKER)) {
        found.add(
            new Entity(entity, hit.value, hit.begin, hit.end, text.substring(hit.begin, hit.end)));
      }
    }
    return found;
  }

  private static boolean onWordBoundary(String text, int begin, int end) {
    boolean startsAlnum = isAsciiAlnum(text.charAt(begin));
    boolean endsAlnum = isAsciiAlnum(text.charAt(end - 1));
    return !(startsAlnum && begin > 0 && isAsciiAlnum(text.charAt(begin - 1)))
        && !(endsAlnum && end < text.length() && isAsciiAlnum(text.charAt(end)));
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  @Override
  public String toString() {
    return "DictionaryExtractor[" + entity + ", " + trie.size() + " synonyms]";
  }
}
