package io.gridbot.service.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BackoffAndRateTest {

  @Test
  void backoff_doubles_up_to_the_maximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(240));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.after(100)).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> backoff.after(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_token_bucket_allows_a_burst_then_the_rate() {
    AtomicLong nanos = new AtomicLong();
    TokenBucket bucket = new TokenBucket(10, nanos::get);

    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake()).isZero();
    }
    // the eleventh waits a tenth of a second
    assertThat(bucket.tryTake()).isEqualTo(100_000_000L);

    nanos.addAndGet(100_000_000L);
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isPositive();

    // a long pause refills no more than one second's worth
    nanos.addAndGet(60_000_000_000L);
    for (int i = 0; i < 10; i++) {
      assertThat(bucket.tryTake()).isZero();
    }
    assertThat(bucket.tryTake()).isPositive();
    assertThatThrownBy(() -> new TokenBucket(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
