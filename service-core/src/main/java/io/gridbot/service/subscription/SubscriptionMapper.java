package io.gridbot.service.subscription;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SubscriptionMapper {

  /**
   * Inserts the row or, if the user has one for the kind and account, updates its active flag and
   * (when given) its threshold. A null threshold keeps the stored one.
   */
  void upsert(
      @Param("user") ChannelUser user,
      @Param("kind") String kind,
      @Param("accountNo") AccountNo accountNo,
      @Param("threshold") BigDecimal threshold,
      @Param("active") boolean active,
      @Param("now") Instant now);

  Optional<Subscription> find(
      @Param("user") ChannelUser user,
      @Param("kind") String kind,
      @Param("accountNo") AccountNo accountNo);

  /** The row, read with a lock: it reflects the latest committed state. */
  Optional<Subscription> lock(
      @Param("user") ChannelUser user,
      @Param("kind") String kind,
      @Param("accountNo") AccountNo accountNo);

  List<Subscription> findByUser(@Param("user") ChannelUser user);

  /** Whether the user has an active row of the kind for any account. */
  boolean anyActive(@Param("user") ChannelUser user, @Param("kind") String kind);

  int deactivateAll(@Param("user") ChannelUser user, @Param("now") Instant now);

  Optional<QuietHoursRow> findQuietHours(@Param("user") ChannelUser user);

  void upsertQuietHours(
      @Param("user") ChannelUser user,
      @Param("quietHours") QuietHoursRow quietHours,
      @Param("now") Instant now);

  int deleteQuietHours(@Param("user") ChannelUser user);

  /**
   * Quiet hours as stored: TIME columns and a zone id, or, for a user who turned them off, {@code
   * enabled} false and no times (V122).
   */
  record QuietHoursRow(
      java.time.LocalTime start, java.time.LocalTime end, String zone, boolean enabled) {

    /** The row of a user who turned quiet hours off. */
    static QuietHoursRow off() {
      return new QuietHoursRow(null, null, QuietHours.CHINA.getId(), false);
    }

    boolean isOff() {
      return !enabled;
    }
  }
}
