package io.gridbot.service.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The appointment and application tables on the real MariaDB/MySQL. */
@SpringBootTest
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class AppointmentSchemaIT {

  @Autowired JdbcTemplate jdbc;

  @Test
  void tables_are_utf8mb4_and_user_ids_compare_case_sensitively() {
    List<String> tables =
        jdbc.queryForList(
            "SELECT CONCAT(table_name, ':', table_collation) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() ORDER BY table_name",
            String.class);
    List<String> userIds =
        jdbc.queryForList(
            "SELECT CONCAT(table_name, ':', collation_name) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND column_name = 'channel_user_id'",
            String.class);

    assertThat(tables)
        .contains(
            "application:utf8mb4_unicode_ci",
            "application_document:utf8mb4_unicode_ci",
            "application_event:utf8mb4_unicode_ci",
            "appointment_slot:utf8mb4_unicode_ci",
            "booking:utf8mb4_unicode_ci",
            "service_point:utf8mb4_unicode_ci",
            "service_type:utf8mb4_unicode_ci");
    assertThat(userIds).contains("booking:utf8mb4_bin", "application:utf8mb4_bin");
  }

  @Test
  void the_catalogue_is_seeded_and_no_full_id_number_fits() {
    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(code, ':', name, ':', location) FROM service_type ORDER BY code",
                String.class))
        .contains(
            "METER_INSTALL:装表:ON_SITE",
            "METER_CHECK:验表:ON_SITE",
            "ON_SITE_CHECK:上门检查:ON_SITE",
            "HALL_VISIT:营业厅办理:HALL",
            "EV_CHARGER_SURVEY:充电桩勘察:ON_SITE");
    assertThat(
            jdbc.queryForObject(
                "SELECT character_maximum_length FROM information_schema.columns"
                    + " WHERE table_schema = DATABASE() AND table_name = 'application'"
                    + " AND column_name = 'id_last4'",
                Integer.class))
        .isEqualTo(4);
  }
}
