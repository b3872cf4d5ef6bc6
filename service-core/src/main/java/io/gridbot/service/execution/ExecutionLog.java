package io.gridbot.service.execution;

import java.util.function.Supplier;

/**
 * Runs a piece of work once per idempotency key and remembers its outcome ({@code
 * dialog_execution}). The work and the record of its outcome are one database transaction: the
 * business services' {@code @Transactional} methods called by the work join it, so either the work
 * happened and its outcome is recorded, or neither.
 */
public interface ExecutionLog {

  /**
   * Runs {@code body} and records what it returns under {@code key}, unless {@code key} ran before:
   * then returns the recorded outcome without running {@code body}. When {@code body} throws,
   * nothing is recorded, its writes roll back and the exception propagates; a later call runs it
   * again. The same holds when a business call inside {@code body} failed and {@code body} caught
   * the failure and returned an outcome for it (the transaction is then rollback-only): the outcome
   * is returned but neither it nor any write of {@code body} is kept. Of concurrent calls with one
   * key, the first to commit wins and the others return its outcome (their own writes rolled back).
   *
   * @param key 1 to 128 characters
   * @param body returns the outcome to record, not null
   * @throws IllegalArgumentException if the key is blank or too long
   */
  String once(String key, Supplier<String> body);
}
