package io.gridbot.dialog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dialog engine, {@code gridbot.dialog.*}.
 *
 * @param nluThreshold intent confidence below which a message is a fallback
 * @param trackerIdleTtl idle time after which a conversation starts afresh
 * @param lockLease how long one turn may hold its conversation's lock at most
 * @param lockWait how long a message waits for the previous one of the same conversation
 * @param dedupeTtl how long a message id's reply is kept to answer redeliveries
 * @param maxActionsPerTurn actions one message may trigger at most
 * @param maxFormAttempts failed answers to one question before a form gives up
 */
@ConfigurationProperties("gridbot.dialog")
public record DialogSettings(
    Double nluThreshold,
    Duration trackerIdleTtl,
    Duration lockLease,
    Duration lockWait,
    Duration dedupeTtl,
    Integer maxActionsPerTurn,
    Integer maxFormAttempts) {

  public DialogSettings {
    nluThreshold = nluThreshold == null ? 0.5 : nluThreshold;
    trackerIdleTtl = trackerIdleTtl == null ? Duration.ofMinutes(30) : trackerIdleTtl;
    lockLease = lockLease == null ? Duration.ofSeconds(30) : lockLease;
    lockWait = lockWait == null ? Duration.ofSeconds(4) : lockWait;
    dedupeTtl = dedupeTtl == null ? Duration.ofMinutes(10) : dedupeTtl;
    maxActionsPerTurn = maxActionsPerTurn == null ? 10 : maxActionsPerTurn;
    maxFormAttempts = maxFormAttempts == null ? 3 : maxFormAttempts;
    if (nluThreshold < 0 || nluThreshold > 1) {
      throw new IllegalArgumentException("gridbot.dialog.nlu-threshold must be in [0,1]");
    }
    requirePositive("tracker-idle-ttl", trackerIdleTtl);
    requirePositive("lock-lease", lockLease);
    requirePositive("dedupe-ttl", dedupeTtl);
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("gridbot.dialog.lock-wait must not be negative");
    }
    if (maxActionsPerTurn < 1 || maxFormAttempts < 1) {
      throw new IllegalArgumentException(
          "gridbot.dialog.max-actions-per-turn and max-form-attempts must be positive");
    }
  }

  /** The defaults. */
  public static DialogSettings defaults() {
    return new DialogSettings(null, null, null, null, null, null, null);
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("gridbot.dialog." + name + " must be positive");
    }
  }
}
