package io.gridbot.dialog.nlu;

/**
 * How the intent model is trained.
 *
 * @param cutoff features seen fewer times than this are dropped (1 keeps all: right for small data)
 * @param iterations L-BFGS iterations at most
 * @param l1Cost L1 regularisation
 * @param l2Cost L2 regularisation
 */
public record TrainingSettings(int cutoff, int iterations, double l1Cost, double l2Cost) {

  public TrainingSettings {
    if (cutoff < 0 || iterations < 1 || l1Cost < 0 || l2Cost < 0) {
      throw new IllegalArgumentException("bad training settings");
    }
  }

  /** Settings measured on our training data. */
  public static TrainingSettings defaults() {
    return new TrainingSettings(1, 200, 0.0, 0.02);
  }
}
