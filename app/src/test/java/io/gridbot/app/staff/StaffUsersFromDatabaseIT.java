package io.gridbot.app.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Without configured staff accounts (production), they come from staff_user / staff_authority. */
class StaffUsersFromDatabaseIT {

  @Test
  void staffAccountsAreReadFromTheDatabaseWithHashedPasswords() {
    // given the schema on an in-memory H2 and one staff account with a bcrypt hash
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:staffusers;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "sa",
            "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    StaffSecurityConfiguration configuration = new StaffSecurityConfiguration();
    PasswordEncoder encoder = configuration.passwordEncoder();
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.update(
        "INSERT INTO staff_user (username, password) VALUES ('wang', ?)",
        encoder.encode("s3cret-pass"));
    jdbc.update("INSERT INTO staff_authority (username, authority) VALUES ('wang', 'ROLE_STAFF')");

    // when
    UserDetailsService users =
        configuration.staffUsers(
            new StaffSettings(List.of()),
            dataSource,
            new org.springframework.mock.env.MockEnvironment());
    UserDetails wang = users.loadUserByUsername("wang");

    // then
    assertThat(wang.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_STAFF");
    assertThat(encoder.matches("s3cret-pass", wang.getPassword())).isTrue();
    assertThat(wang.getPassword()).startsWith("{bcrypt}");
    assertThatExceptionOfType(UsernameNotFoundException.class)
        .isThrownBy(() -> users.loadUserByUsername("nobody"));
  }
}
