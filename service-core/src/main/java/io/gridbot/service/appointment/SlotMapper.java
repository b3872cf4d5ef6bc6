package io.gridbot.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface SlotMapper {

  void insert(
      @Param("servicePointId") long servicePointId,
      @Param("date") LocalDate date,
      @Param("start") LocalTime start,
      @Param("end") LocalTime end,
      @Param("capacity") int capacity);

  /** The slot if its service point is active. */
  Optional<Slot> find(@Param("id") long id);

  Optional<Slot> findAt(
      @Param("servicePointId") long servicePointId,
      @Param("date") LocalDate date,
      @Param("start") LocalTime start);

  /**
   * Slots with room of active points serving the location and the area, from {@code fromDate} to
   * {@code toDate} inclusive, starting after {@code notBeforeDate notBeforeTime}; earliest first,
   * the most local point first at the same time.
   */
  List<Slot> findFree(
      @Param("location") ServiceLocation location,
      @Param("areaCode") String areaCode,
      @Param("fromDate") LocalDate fromDate,
      @Param("toDate") LocalDate toDate,
      @Param("notBeforeDate") LocalDate notBeforeDate,
      @Param("notBeforeTime") LocalTime notBeforeTime);

  /** Takes one place if there is one left; returns the rows changed (0 when full). */
  int take(@Param("id") long id);

  /** Gives one place back; returns the rows changed. */
  int release(@Param("id") long id);
}
