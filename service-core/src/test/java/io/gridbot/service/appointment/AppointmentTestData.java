package io.gridbot.service.appointment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Service points and slots written with plain JDBC; codes and area codes are unique per call. */
final class AppointmentTestData {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private AppointmentTestData() {}

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  /** A fresh area code, so that searches see only this test's points. */
  static String newArea() {
    return String.format("CN-T%05d", SEQUENCE.incrementAndGet());
  }

  /** Inserts an active point; returns its code. */
  static String point(JdbcTemplate jdbc, ServiceLocation serves, String areaPrefix) {
    String code = "TP-" + SEQUENCE.incrementAndGet();
    jdbc.update(
        "INSERT INTO service_point (code, name, serves, area_code_prefix, address, phone)"
            + " VALUES (?, ?, ?, ?, ?, '95598')",
        code,
        (serves == ServiceLocation.HALL ? "测试营业厅" : "测试装表班") + code,
        serves.name(),
        areaPrefix,
        "测试路" + code + "号");
    return code;
  }

  /** Inserts a slot of the point (one hour from {@code start}); returns its id. */
  static long slot(
      JdbcTemplate jdbc, String pointCode, LocalDate date, LocalTime start, int capacity) {
    jdbc.update(
        "INSERT INTO appointment_slot (service_point_id, slot_date, start_time, end_time, capacity)"
            + " SELECT id, ?, ?, ?, ? FROM service_point WHERE code = ?",
        date,
        start,
        start.plusHours(1),
        capacity,
        pointCode);
    return jdbc.queryForObject(
        "SELECT s.id FROM appointment_slot s JOIN service_point p ON p.id = s.service_point_id"
            + " WHERE p.code = ? AND s.slot_date = ? AND s.start_time = ?",
        Long.class,
        pointCode,
        date,
        start);
  }

  static int booked(JdbcTemplate jdbc, long slotId) {
    return jdbc.queryForObject(
        "SELECT booked FROM appointment_slot WHERE id = ?", Integer.class, slotId);
  }
}
