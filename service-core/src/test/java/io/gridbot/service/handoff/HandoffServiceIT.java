package io.gridbot.service.handoff;

import static io.gridbot.service.TestData.newUser;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.StaffId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. */
@SpringBootTest
@ActiveProfiles("it")
class HandoffServiceIT {

  private static final StaffId ANNA = new StaffId("anna");
  private static final StaffId BORIS = new StaffId("boris");

  @Autowired HandoffService handoffs;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyQueue() {
    jdbc.update("DELETE FROM handoff");
  }

  @Test
  void enqueue_is_idempotent_while_the_handoff_is_open() {
    // given
    ChannelUser user = newWechatUser();

    // when
    Handoff first = handoffs.enqueue(user, "asked", "我要转人工，户号3300123456");
    Handoff again = handoffs.enqueue(user, "fallback", "再问一次");

    // then
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.reason()).isEqualTo("asked");
    assertThat(first.lastText()).isEqualTo("我要转人工，户号33******56");
    assertThat(handoffs.status(user)).contains(HandoffState.QUEUED);
    assertThat(count(user)).isEqualTo(1);
  }

  @Test
  void concurrent_enqueues_open_one_handoff() throws Exception {
    ChannelUser user = newWechatUser();
    List<Callable<Handoff>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(() -> handoffs.enqueue(user, "asked", "人工"));
    }

    List<Handoff> results = race(calls);

    assertThat(results).extracting(Handoff::id).containsOnly(results.get(0).id());
    assertThat(count(user)).isEqualTo(1);
  }

  @Test
  void the_database_refuses_a_second_open_handoff() {
    ChannelUser user = newWechatUser();
    handoffs.enqueue(user, "asked", null);

    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO handoff (channel, channel_user_id, open_key, state, reason,"
                        + " queued_at) VALUES (?, ?, ?, 'QUEUED', 'asked', CURRENT_TIMESTAMP(3))",
                    user.channel(),
                    user.userId(),
                    user.channel() + ":" + user.userId()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void leave_closes_a_waiting_handoff_and_a_new_one_can_open() {
    ChannelUser user = newUser("web");
    Handoff first = handoffs.enqueue(user, "asked", null);

    handoffs.leave(user);

    assertThat(handoffs.status(user)).isEmpty();
    Handoff left = handoffs.find(first.id()).orElseThrow();
    assertThat(left.state()).isEqualTo(HandoffState.LEFT);
    assertThat(left.closedAt()).isNotNull();
    Handoff second = handoffs.enqueue(user, "asked", null);
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(second.state()).isEqualTo(HandoffState.QUEUED);
  }

  @Test
  void leave_does_not_touch_a_held_handoff() {
    ChannelUser user = newWechatUser();
    Handoff handoff = handoffs.enqueue(user, "asked", null);
    handoffs.claim(handoff.id(), ANNA);

    handoffs.leave(user);

    assertThat(handoffs.status(user)).contains(HandoffState.HELD);
  }

  @Test
  void the_queue_lists_waiting_handoffs_oldest_first_with_positions() throws Exception {
    ChannelUser a = newWechatUser();
    ChannelUser b = newUser("web");
    ChannelUser c = newUser("alipay");
    Handoff first = handoffs.enqueue(a, "asked", "一");
    Thread.sleep(5);
    Handoff second = handoffs.enqueue(b, "fallback", "二");
    Thread.sleep(5);
    Handoff third = handoffs.enqueue(c, "asked", "三");
    handoffs.claim(second.id(), ANNA);

    List<QueuedHandoff> queue = handoffs.queue(50);

    assertThat(queue).extracting(q -> q.handoff().id()).containsExactly(first.id(), third.id());
    assertThat(queue).extracting(QueuedHandoff::position).containsExactly(1, 2);
    assertThat(queue.get(0).waiting()).isGreaterThanOrEqualTo(queue.get(1).waiting());
    assertThat(handoffs.queue(1)).hasSize(1);
    assertThatThrownBy(() -> handoffs.queue(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_two_agents_racing_to_claim_exactly_one_wins() throws Exception {
    for (int round = 0; round < 5; round++) {
      // given
      Handoff handoff = handoffs.enqueue(newWechatUser(), "asked", null);

      // when
      List<Callable<String>> claims = new ArrayList<>();
      for (StaffId agent : List.of(ANNA, BORIS)) {
        claims.add(
            () -> {
              try {
                return handoffs.claim(handoff.id(), agent).agent();
              } catch (HandoffAlreadyTaken e) {
                return "lost";
              }
            });
      }
      List<String> results = race(claims);

      // then
      assertThat(results).containsOnlyOnce("lost");
      Handoff held = handoffs.find(handoff.id()).orElseThrow();
      assertThat(held.state()).isEqualTo(HandoffState.HELD);
      assertThat(results).contains(held.agent());
      assertThat(held.claimedAt()).isNotNull();
    }
  }

  @Test
  void claim_is_refused_once_taken_and_repeats_for_the_holder() {
    Handoff handoff = handoffs.enqueue(newWechatUser(), "asked", null);
    handoffs.claim(handoff.id(), ANNA);

    assertThat(handoffs.claim(handoff.id(), ANNA).agent()).isEqualTo("anna");
    assertThatThrownBy(() -> handoffs.claim(handoff.id(), BORIS))
        .isInstanceOf(HandoffAlreadyTaken.class);
    assertThatThrownBy(() -> handoffs.claim(999_999_999L, BORIS))
        .isInstanceOf(HandoffNotFound.class);
  }

  @Test
  void only_the_holder_releases_and_the_conversation_returns_to_the_robot() {
    ChannelUser user = newWechatUser();
    Handoff handoff = handoffs.enqueue(user, "asked", null);
    handoffs.claim(handoff.id(), ANNA);

    assertThatThrownBy(() -> handoffs.release(handoff.id(), BORIS))
        .isInstanceOf(HandoffNotHeldByStaff.class);
    assertThatThrownBy(() -> handoffs.heldBy(handoff.id(), BORIS))
        .isInstanceOf(HandoffNotHeldByStaff.class);
    assertThat(handoffs.heldBy(handoff.id(), ANNA).id()).isEqualTo(handoff.id());

    Handoff released = handoffs.release(handoff.id(), ANNA);

    assertThat(released.state()).isEqualTo(HandoffState.RELEASED);
    assertThat(released.closedAt()).isNotNull();
    assertThat(handoffs.status(user)).isEmpty();
    assertThatThrownBy(() -> handoffs.release(handoff.id(), ANNA))
        .isInstanceOf(HandoffNotHeldByStaff.class);
    assertThatThrownBy(() -> handoffs.release(999_999_999L, ANNA))
        .isInstanceOf(HandoffNotFound.class);
  }

  private int count(ChannelUser user) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM handoff WHERE channel = ? AND channel_user_id = ?",
        Integer.class,
        user.channel(),
        user.userId());
  }

  /** Runs the calls at once, from a common start. */
  private static <T> List<T> race(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
