package io.gridbot.app.staff;

import static io.gridbot.app.staff.StaffRole.ADMIN;
import static io.gridbot.app.staff.StaffRole.AGENT;
import static io.gridbot.app.staff.StaffRole.DISPATCHER;
import static io.gridbot.app.staff.StaffRole.FINANCE;
import static io.gridbot.app.staff.StaffRole.MARKETING;
import static io.gridbot.app.staff.StaffRole.SERVICE;
import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which staff roles may call which endpoint of the staff API: the one table of its authorization,
 * which {@link StaffSecurityConfiguration} turns into the filter chain's {@code requestMatchers},
 * in this order: the first rule that matches a request decides. A request no rule matches needs
 * {@link StaffRole#ADMIN}. A rule's roles are reached through {@link StaffRole#reach()}: ADMIN
 * passes every rule, the legacy STAFF every rule naming an operational role.
 *
 * <p>Agents may also read (GET, never change) tickets, outages, bookings, applications, payments
 * and an account's tags and points, to answer the customer whose conversation they hold.
 */
final class StaffAccess {

  private StaffAccess() {}

  /**
   * One line of the table.
   *
   * @param method the HTTP method, or null for every method
   * @param pattern a path pattern ({@code *} one segment, {@code /**} any rest, including none)
   * @param roles who may; never empty
   */
  record Rule(HttpMethod method, String pattern, Set<StaffRole> roles) {
    Rule {
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("a rule names at least one role: " + pattern);
      }
      roles = Set.copyOf(roles);
    }

    RequestMatcher matcher() {
      return method == null
          ? PathPatternRequestMatcher.pathPattern(pattern)
          : PathPatternRequestMatcher.pathPattern(method, pattern);
    }

    /** The role names for {@code hasAnyRole}, sorted. */
    String[] roleNames() {
      return roles.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    /** Whether a user holding these roles passes this rule. */
    boolean allows(Collection<StaffRole> held) {
      return held.stream().anyMatch(role -> role.reach().stream().anyMatch(roles::contains));
    }
  }

  private static final String API = "/api/staff";

  /** Every role, for what every staff user may see. */
  private static final StaffRole[] EVERY_ROLE = StaffRole.values();

  static final List<Rule> RULES =
      List.of(
          // who am I, today's figures: every staff user
          rule(GET, "/me", EVERY_ROLE),
          rule(GET, "/dashboard", EVERY_ROLE),
          rule(GET, "/notifications", EVERY_ROLE),
          // the agent queue
          rule(null, "/handoffs/**", AGENT),
          // repair tickets and outages
          rule(GET, "/tickets/**", DISPATCHER, AGENT),
          rule(null, "/tickets/**", DISPATCHER),
          rule(GET, "/outages/*/affected-accounts", DISPATCHER),
          rule(GET, "/outages/*/reach", DISPATCHER),
          rule(GET, "/outages/**", DISPATCHER, AGENT),
          rule(null, "/outages/**", DISPATCHER),
          // appointments and applications
          rule(null, "/slots/**", SERVICE),
          rule(GET, "/bookings/**", SERVICE, AGENT),
          rule(null, "/bookings/**", SERVICE),
          rule(GET, "/applications/**", SERVICE, AGENT),
          rule(null, "/applications/**", SERVICE),
          // money
          rule(GET, "/payments/**", FINANCE, AGENT),
          rule(null, "/payments/**", FINANCE),
          rule(null, "/reconciliation/**", FINANCE),
          rule(GET, "/refunds/**", FINANCE, AGENT),
          rule(null, "/refunds/**", FINANCE),
          // tags, campaigns, points
          rule(GET, "/accounts/*/tags", MARKETING, AGENT),
          rule(GET, "/accounts/*/points", MARKETING, AGENT),
          rule(GET, "/points/catalogue", MARKETING, AGENT),
          rule(null, "/accounts/*/tags/**", MARKETING),
          rule(null, "/accounts/*/points/**", MARKETING),
          rule(null, "/points/**", MARKETING),
          rule(null, "/tags/**", MARKETING),
          rule(null, "/campaigns/**", MARKETING),
          // the WeChat custom menu, and (below) anything not listed
          rule(null, "/wechat/**", ADMIN));

  /** What decides when no rule matches. */
  static final Rule OTHERWISE = new Rule(null, API + "/**", EnumSet.of(ADMIN));

  /** The rule that decides this request, the same one the filter chain applies. */
  static Rule ruleFor(HttpServletRequest request) {
    return RULES.stream()
        .filter(rule -> rule.matcher().matches(request))
        .findFirst()
        .orElse(OTHERWISE);
  }

  private static Rule rule(HttpMethod method, String path, StaffRole... roles) {
    return new Rule(method, API + path, EnumSet.copyOf(List.of(roles)));
  }
}
