package io.gridbot.service.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ReportMapper {

  record StateCount(String state, long count) {}

  record PaymentTotal(long count, BigDecimal amount) {}

  long countConversations(@Param("from") Instant from, @Param("to") Instant to);

  long countHandedOff(@Param("from") Instant from, @Param("to") Instant to);

  long countHandoffs(@Param("from") Instant from, @Param("to") Instant to);

  long countWaiting();

  List<StateCount> ticketsByState(@Param("from") Instant from, @Param("to") Instant to);

  PaymentTotal paid(@Param("from") Instant from, @Param("to") Instant to);

  List<Listings.ListedBooking> bookings(@Param("state") String state, @Param("limit") int limit);

  List<Listings.ListedApplication> applications(
      @Param("state") String state, @Param("limit") int limit);

  List<StateCount> deliveries(@Param("noticeKey") String noticeKey);

  record Backlog(long pending, Instant oldest) {}

  Backlog outboxBacklog();

  List<StateCount> deliveriesSince(@Param("since") Instant since);

  List<NoticeFigures.Problem> deliveryProblems(
      @Param("since") Instant since, @Param("limit") int limit);
}
