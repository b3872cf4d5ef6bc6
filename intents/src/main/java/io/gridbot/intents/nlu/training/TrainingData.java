package io.gridbot.intents.nlu.training;

import io.gridbot.dialog.nlu.TextNormalizer;
import io.gridbot.dialog.nlu.TrainingExample;
import io.gridbot.dialog.nlu.TrainingSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant's training examples: one file per intent, {@code nlu/training/<intent>.txt}, one
 * example a line, {@code #} starting a comment line.
 *
 * <p>Examples that normalise to the same text (the same sentence with another number, or in
 * traditional characters) count once. The same normalised text under two intents is a conflict: it
 * is dropped from training and reported in {@link #conflicts()}.
 *
 * @param examples the usable examples, grouped by intent in catalogue order
 * @param duplicates how many lines were dropped as near-duplicates
 * @param conflicts normalised texts found under more than one intent, with those intents
 */
public record TrainingData(
    List<TrainingExample> examples, int duplicates, Map<String, List<String>> conflicts) {

  private static final String RESOURCES = "/io/gridbot/intents/nlu/training/";

  public TrainingData {
    examples = List.copyOf(examples);
    conflicts = Map.copyOf(conflicts);
  }

  /** The bundled training data of every intent in the catalogue. */
  public static TrainingData load() {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    for (String intent : IntentCatalogue.INTENTS) {
      String name = RESOURCES + intent + ".txt";
      try (InputStream in = TrainingData.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("no training data for intent " + intent + " at " + name);
        }
        lines.put(
            intent,
            readLines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    }
    return of(lines);
  }

  /**
   * Labelled examples from a TSV file: a header line, then {@code text<TAB>intent} lines.
   *
   * @throws IllegalArgumentException naming the line when one is malformed
   */
  public static List<TrainingExample> readTsv(Path file) throws IOException {
    List<TrainingExample> examples = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected text<TAB>intent");
      }
      examples.add(
          new TrainingExample(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
    }
    return examples;
  }

  /** Training data from example lines per intent, near-duplicates and conflicts removed. */
  static TrainingData of(Map<String, List<String>> linesByIntent) {
    Map<String, String> intentOf = new HashMap<>();
    Map<String, List<String>> conflicts = new HashMap<>();
    int duplicates = 0;
    Map<String, TrainingExample> unique = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : linesByIntent.entrySet()) {
      for (String text : entry.getValue()) {
        String key = TextNormalizer.forClassification(text);
        if (key.isEmpty()) {
          continue;
        }
        String earlier = intentOf.putIfAbsent(key, entry.getKey());
        if (earlier == null) {
          unique.put(key, new TrainingExample(text, entry.getKey()));
        } else if (earlier.equals(entry.getKey())) {
          duplicates++;
        } else {
          conflicts
              .computeIfAbsent(key, k -> new ArrayList<>(List.of(earlier)))
              .add(entry.getKey());
        }
      }
    }
    conflicts.keySet().forEach(unique::remove);
    return new TrainingData(new ArrayList<>(unique.values()), duplicates, conflicts);
  }

  /**
   * A digest of the examples and the training settings: a model trained from data with the same
   * fingerprint is the same model, since training is deterministic.
   */
  public String fingerprint(TrainingSettings settings) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (TrainingExample example : examples) {
        digest.update(
            (example.text() + '\t' + example.intent() + '\n').getBytes(StandardCharsets.UTF_8));
      }
      digest.update(settings.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** How many examples each intent has, in catalogue order. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    IntentCatalogue.INTENTS.forEach(i -> counts.put(i, 0));
    examples.forEach(e -> counts.merge(e.intent(), 1, Integer::sum));
    return counts;
  }

  private static List<String> readLines(BufferedReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      String text = line.strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        lines.add(text);
      }
    }
    return lines;
  }
}
