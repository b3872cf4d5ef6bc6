package io.gridbot.service.application;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ApplicationMapper {

  void insert(
      @Param("no") ApplicationNo no,
      @Param("r") ApplicationRequest request,
      @Param("at") Instant at);

  void insertDocument(
      @Param("applicationId") long applicationId,
      @Param("position") int position,
      @Param("mediaRef") String mediaRef);

  void insertEvent(
      @Param("applicationId") long applicationId,
      @Param("state") ApplicationState state,
      @Param("note") String note,
      @Param("at") Instant at);

  Optional<ApplicationRow> find(@Param("no") ApplicationNo no);

  /** Newest first. */
  List<ApplicationRow> findByApplicant(
      @Param("applicant") ChannelUser applicant, @Param("limit") int limit);

  List<String> findDocuments(@Param("applicationId") long applicationId);

  /** Oldest first. */
  List<ApplicationEvent> findEvents(@Param("applicationId") long applicationId);

  /** The application's id, type and state, its row locked until commit. */
  Optional<ApplicationLock> lock(@Param("no") ApplicationNo no);

  /** Moves the state if it still is {@code from}; returns the rows changed. */
  int updateState(
      @Param("id") long id,
      @Param("from") ApplicationState from,
      @Param("to") ApplicationState to,
      @Param("rejectReason") String rejectReason,
      @Param("at") Instant at);

  /** An application row without its documents. */
  record ApplicationRow(
      long id,
      ApplicationNo no,
      ApplicationType type,
      ChannelUser applicant,
      String applicantName,
      String idLast4,
      String phone,
      String address,
      AccountNo account,
      BigDecimal requestedKw,
      ApplicationState state,
      String rejectReason,
      Instant submittedAt) {

    Application withDocuments(List<String> documents) {
      return new Application(
          no,
          type,
          applicant,
          applicantName,
          idLast4,
          phone,
          address,
          account,
          requestedKw,
          documents,
          state,
          rejectReason,
          submittedAt);
    }
  }

  record ApplicationLock(long id, ApplicationType type, ApplicationState state) {}
}
