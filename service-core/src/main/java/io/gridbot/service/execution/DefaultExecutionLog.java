package io.gridbot.service.execution;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The transaction is explicit (a template) so that the duplicate key is caught outside it. */
@Service
class DefaultExecutionLog implements ExecutionLog {

  private static final int MAX_KEY = 128;
  private static final Logger log = LoggerFactory.getLogger(DefaultExecutionLog.class);

  private final ExecutionMapper executions;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DefaultExecutionLog(
      ExecutionMapper executions,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    this.executions = executions;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.getIfUnique(Clock::systemUTC);
  }

  @Override
  public String once(String key, Supplier<String> body) {
    if (key == null || key.isBlank() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("key must be 1 to " + MAX_KEY + " characters");
    }
    Objects.requireNonNull(body, "body");
    String earlier = executions.findOutcome(key);
    if (earlier != null) {
      log.info("execution {} ran before: its outcome is returned", key);
      return earlier;
    }
    try {
      return transaction.execute(
          status -> {
            String outcome = Objects.requireNonNull(body.get(), "outcome");
            if (status.isRollbackOnly()) {
              // a business call inside failed and the body answered for it: its writes roll back,
              // so nothing happened and the outcome is not kept (a retry runs the body again)
              status.setRollbackOnly();
              log.info("execution {} rolled back by a failed business call: not recorded", key);
              return outcome;
            }
            executions.insert(key, outcome, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            return outcome;
          });
    } catch (DuplicateKeyException e) {
      String first = executions.findOutcome(key);
      if (first == null) {
        throw e;
      }
      log.warn("execution {} ran concurrently: the first outcome wins, this run rolled back", key);
      return first;
    }
  }
}
