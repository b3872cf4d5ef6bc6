package io.gridbot.channel.wechat.notify;

import io.gridbot.dialog.store.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which accounts have used up their daily template message quota (error 45009) and until when: the
 * next midnight in China, when WeChat resets it. Kept in the shared state store so that every
 * instance stops, and in this instance's memory in case the store cannot be reached.
 */
final class TemplateQuota {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private static final Logger log = LoggerFactory.getLogger(TemplateQuota.class);
  private static final String KEY = "wechat:template-quota:";

  private final StateStore state;
  private final Clock clock;
  private final Map<String, Instant> local = new ConcurrentHashMap<>();

  TemplateQuota(StateStore state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** Until when template messages of this account are paused; empty when they are not. */
  Optional<Instant> pausedUntil(String appId) {
    Instant now = clock.instant();
    Instant until = local.get(appId);
    if (until == null) {
      until = shared(appId);
    }
    if (until == null || !now.isBefore(until)) {
      local.remove(appId);
      return Optional.empty();
    }
    return Optional.of(until);
  }

  /** Pauses the account's template messages until the next midnight in China; returns it. */
  Instant exhausted(String appId) {
    Instant now = clock.instant();
    Instant until = LocalDate.ofInstant(now, CHINA).plusDays(1).atStartOfDay(CHINA).toInstant();
    local.put(appId, until);
    try {
      state.put(
          KEY + appId,
          Long.toString(until.toEpochMilli()),
          Duration.between(now, until).plusMinutes(1));
    } catch (RuntimeException e) {
      log.warn("template quota pause of {} kept in this instance only: {}", appId, e.toString());
    }
    return until;
  }

  private Instant shared(String appId) {
    try {
      return state.get(KEY + appId).map(v -> Instant.ofEpochMilli(Long.parseLong(v))).orElse(null);
    } catch (NumberFormatException e) {
      return null;
    } catch (RuntimeException e) {
      log.warn("template quota of {} unknown (state store): {}", appId, e.toString());
      return null;
    }
  }
}
