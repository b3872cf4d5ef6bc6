package io.gridbot.service.notification;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DeliveryMapper {

  /** Inserts a QUEUED record unless one exists for the recipient and key; returns rows added. */
  int insertIfAbsent(
      @Param("recipient") ChannelUser recipient,
      @Param("noticeKey") String noticeKey,
      @Param("kind") String kind,
      @Param("now") Instant now);

  /**
   * Inserts a QUEUED record already leased for its first attempt, unless one exists for the
   * recipient and key; returns rows added (1 = inserted and leased).
   */
  int insertLeased(
      @Param("recipient") ChannelUser recipient,
      @Param("noticeKey") String noticeKey,
      @Param("kind") String kind,
      @Param("token") String token,
      @Param("now") Instant now,
      @Param("until") Instant until);

  Optional<Delivery> find(
      @Param("recipient") ChannelUser recipient, @Param("noticeKey") String noticeKey);

  /**
   * Takes the lease for one send and counts the attempt, if the delivery is open, due and not
   * leased by someone else; returns rows changed (1 = leased).
   */
  int lease(
      @Param("id") long id,
      @Param("token") String token,
      @Param("now") Instant now,
      @Param("until") Instant until);

  /**
   * Records the outcome of a leased send, if the lease is still ours and the delivery open; ends
   * the lease. Returns rows changed.
   */
  int record(
      @Param("recipient") ChannelUser recipient,
      @Param("noticeKey") String noticeKey,
      @Param("token") String token,
      @Param("state") DeliveryState state,
      @Param("lastError") String lastError,
      @Param("nextAttemptAt") Instant nextAttemptAt,
      @Param("sentAt") Instant sentAt,
      @Param("platformRef") String platformRef,
      @Param("now") Instant now);

  List<Delivery> findByKey(@Param("noticeKey") String noticeKey);
}
