package io.gridbot.app.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The staff API, {@code /api/staff/**}, needs an authenticated staff user (HTTP Basic, stateless)
 * holding a role that {@link StaffAccess} gives the endpoint: 401 without (good) credentials, 403
 * without the role, both as problems. Everything else — the customer channels' endpoints, the NLU
 * parse API, health and metrics — is open: the channels authenticate their platforms by signature.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffSettings.class)
class StaffSecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain staffApi(HttpSecurity http) throws Exception {
    http.securityMatcher("/api/staff/**")
        .authorizeHttpRequests(
            requests -> {
              for (StaffAccess.Rule rule : StaffAccess.RULES) {
                requests.requestMatchers(rule.matcher()).hasAnyRole(rule.roleNames());
              }
              requests.anyRequest().hasAnyRole(StaffAccess.OTHERWISE.roleNames());
            })
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) ->
                        problem(
                            request,
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "Authentication required",
                            "staff credentials are missing or wrong")))
        .exceptionHandling(
            handling ->
                handling.accessDeniedHandler(
                    (request, response, e) ->
                        problem(
                            request,
                            response,
                            HttpStatus.FORBIDDEN,
                            "Forbidden",
                            "this staff user may not do that")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .httpBasic(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** ADMIN implies every role, the legacy STAFF every operational one ({@link StaffRole}). */
  @Bean
  static RoleHierarchy staffRoleHierarchy() {
    return StaffRole.hierarchy();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Staff accounts from configuration when there are any, else from the database. */
  @Bean
  UserDetailsService staffUsers(
      StaffSettings settings, DataSource dataSource, Environment environment) {
    refusePlainPasswordsInProduction(settings, environment);
    if (!settings.users().isEmpty()) {
      return new InMemoryUserDetailsManager(
          settings.users().stream()
              .map(
                  u ->
                      User.withUsername(u.username())
                          .password(u.password())
                          .roles(u.roles().toArray(String[]::new))
                          .build())
              .toList());
    }
    JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
    users.setUsersByUsernameQuery(
        "select username, password, enabled from staff_user where username = ?");
    users.setAuthoritiesByUsernameQuery(
        "select username, authority from staff_authority where username = ?");
    return users;
  }

  /**
   * {@code {noop}} passwords (stored as typed) serve tests; the {@code prod} profile refuses to
   * start with one configured.
   */
  static void refusePlainPasswordsInProduction(StaffSettings settings, Environment environment) {
    if (!environment.matchesProfiles("prod")) {
      return;
    }
    settings.users().stream()
        .filter(u -> u.password().startsWith("{noop}"))
        .findFirst()
        .ifPresent(
            u -> {
              throw new IllegalStateException(
                  "gridbot.staff.users: the password of "
                      + u.username()
                      + " is stored as typed ({noop}); in production give a {bcrypt} hash");
            });
  }

  private static void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    // the console's own log-in form asks with X-Requested-With: no browser log-in dialog for it
    if (status == HttpStatus.UNAUTHORIZED && request.getHeader("X-Requested-With") == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"gridbot staff\"");
    }
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
