package io.gridbot.dialog.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Intent classification with OpenNLP's maximum-entropy document categorizer (L-BFGS training, so
 * the probabilities are calibrated enough for a threshold). OpenNLP has no Chinese tokenizer: the
 * normalised text is fed as characters, with character unigrams and bigrams as features, and start
 * and end markers so that "how a message begins" is a feature too.
 *
 * <p>Thread-safe: the trained model is shared; each thread gets its own categorizer, which OpenNLP
 * does not make thread-safe. Training is deterministic: the same examples in the same order give
 * the same model.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

  private static final String START = "^";
  private static final String END = "$";

  private final DoccatModel model;
  private final ThreadLocal<DocumentCategorizerME> categorizer;

  private OpenNlpIntentClassifier(DoccatModel model) {
    this.model = model;
    this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
  }

  /**
   * Trains a classifier.
   *
   * @param examples at least two intents' examples
   * @param settings training settings
   * @throws IllegalArgumentException when there are fewer than two intents
   */
  public static OpenNlpIntentClassifier train(
      List<TrainingExample> examples, TrainingSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (examples.stream().map(TrainingExample::intent).distinct().count() < 2) {
      throw new IllegalArgumentException("training needs examples of at least two intents");
    }
    List<DocumentSample> samples = new ArrayList<>(examples.size());
    for (TrainingExample example : examples) {
      String[] tokens = tokens(example.text());
      if (tokens.length > 2) {
        samples.add(new DocumentSample(example.intent(), tokens));
      }
    }
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
    params.put(TrainingParameters.CUTOFF_PARAM, settings.cutoff());
    params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
    params.put(QNTrainer.L2COST_PARAM, settings.l2Cost());
    params.put(QNTrainer.L1COST_PARAM, settings.l1Cost());
    params.put(TrainingParameters.THREADS_PARAM, 1);
    try {
      DoccatFactory factory = new DoccatFactory(featureGenerators());
      return new OpenNlpIntentClassifier(
          DocumentCategorizerME.train(
              "zh", ObjectStreamUtils.createObjectStream(samples), params, factory));
    } catch (IOException e) {
      throw new UncheckedIOException("training the intent model failed", e);
    }
  }

  @Override
  public List<IntentRanking> rank(String text) {
    String[] tokens = tokens(text);
    DocumentCategorizerME me = categorizer.get();
    double[] probabilities = me.categorize(tokens);
    List<IntentRanking> ranking = new ArrayList<>(probabilities.length);
    for (int i = 0; i < probabilities.length; i++) {
      ranking.add(new IntentRanking(me.getCategory(i), clamp(probabilities[i])));
    }
    ranking.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
    return ranking;
  }

  /** The intents the model knows. */
  public List<String> intents() {
    DocumentCategorizerME me = categorizer.get();
    List<String> intents = new ArrayList<>();
    for (int i = 0; i < me.getNumberOfCategories(); i++) {
      intents.add(me.getCategory(i));
    }
    return intents;
  }

  /** The characters of the normalised text between start and end markers. */
  static String[] tokens(String text) {
    String normalised = TextNormalizer.forClassification(text);
    String[] tokens = new String[normalised.codePointCount(0, normalised.length()) + 2];
    tokens[0] = START;
    int t = 1;
    for (int i = 0; i < normalised.length(); ) {
      int cp = normalised.codePointAt(i);
      tokens[t++] = new String(Character.toChars(cp));
      i += Character.charCount(cp);
    }
    tokens[t] = END;
    return tokens;
  }

  private static FeatureGenerator[] featureGenerators() throws InvalidFormatException {
    return new FeatureGenerator[] {
      new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)
    };
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }

  /** Writes the trained model, for {@link #load(InputStream)}. */
  public void save(OutputStream out) throws IOException {
    model.serialize(out);
  }

  /**
   * A classifier from a model written by {@link #save(OutputStream)}.
   *
   * @throws IOException when the stream is not such a model
   */
  public static OpenNlpIntentClassifier load(InputStream in) throws IOException {
    return new OpenNlpIntentClassifier(new DoccatModel(in));
  }

  @Override
  public String toString() {
    return "OpenNlpIntentClassifier" + intents();
  }
}
