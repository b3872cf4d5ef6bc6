package io.gridbot.service.notification;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The notification outbox ({@code notification_outbox}): notices published in a committed
 * transaction whose recipients are not yet all on the queue. Updates are conditional on the row
 * still being PENDING, so a row DONE stays DONE.
 */
@Mapper
interface OutboxMapper {

  void insert(NewRow row);

  OutboxRow find(@Param("id") long id);

  /** PENDING rows whose lease has passed, oldest due first. */
  List<Long> findDue(@Param("now") Instant now, @Param("limit") int limit);

  /**
   * Takes a due row for this relay until {@code until}; of two relays, one gets it.
   *
   * @return 1 if taken
   */
  int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

  /** Records how far a fan-out got and extends the holder's lease. */
  int progress(
      @Param("id") long id,
      @Param("cursor") long cursor,
      @Param("recipients") int recipients,
      @Param("until") Instant until,
      @Param("now") Instant now);

  int done(@Param("id") long id, @Param("recipients") int recipients, @Param("now") Instant now);

  /** A failed run: one more attempt, the error, and when to try again. */
  int failed(
      @Param("id") long id,
      @Param("error") String error,
      @Param("retryAt") Instant retryAt,
      @Param("now") Instant now);

  /** Forgets rows DONE before {@code before}. */
  int deleteDone(@Param("before") Instant before);

  /** How many rows are PENDING, and the oldest of them (null when none). */
  Backlog backlog();

  /** A notice to write into the outbox; {@code id} is set by the insert. */
  final class NewRow {
    Long id;
    final String targetKind;
    final String targetChannel;
    final String target;
    final String noticeKey;
    final String notice;
    final Instant nextAttemptAt;
    final Instant at;

    NewRow(
        String targetKind,
        String targetChannel,
        String target,
        String noticeKey,
        String notice,
        Instant nextAttemptAt,
        Instant at) {
      this.targetKind = targetKind;
      this.targetChannel = targetChannel;
      this.target = target;
      this.noticeKey = noticeKey;
      this.notice = notice;
      this.nextAttemptAt = nextAttemptAt;
      this.at = at;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public String getTargetKind() {
      return targetKind;
    }

    public String getTargetChannel() {
      return targetChannel;
    }

    public String getTarget() {
      return target;
    }

    public String getNoticeKey() {
      return noticeKey;
    }

    public String getNotice() {
      return notice;
    }

    public Instant getNextAttemptAt() {
      return nextAttemptAt;
    }

    public Instant getAt() {
      return at;
    }
  }

  /** A row as stored. */
  record OutboxRow(
      long id,
      String targetKind,
      String targetChannel,
      String target,
      String notice,
      String state,
      long cursorId,
      int recipients,
      int attempts) {}

  /** The outbox's backlog. */
  record Backlog(long pending, Instant oldestCreatedAt) {}
}
