package io.gridbot.app.staff;

import static io.gridbot.app.staff.StaffRole.ADMIN;
import static io.gridbot.app.staff.StaffRole.AGENT;
import static io.gridbot.app.staff.StaffRole.DISPATCHER;
import static io.gridbot.app.staff.StaffRole.FINANCE;
import static io.gridbot.app.staff.StaffRole.MARKETING;
import static io.gridbot.app.staff.StaffRole.SERVICE;
import static io.gridbot.app.staff.StaffRole.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff API's role table: every endpoint's roles, and what each role reaches. */
class StaffAccessTest {

  private static final Set<StaffRole> EVERYONE = EnumSet.allOf(StaffRole.class);

  /** Every endpoint of the staff controllers (path variables filled in) and who may call it. */
  private static final Map<String, Set<StaffRole>> EXPECTED = new LinkedHashMap<>();

  static {
    expect("GET /api/staff/me", EVERYONE);
    expect("GET /api/staff/dashboard", EVERYONE);
    expect("GET /api/staff/notifications", EVERYONE);

    Set<StaffRole> agent = EnumSet.of(AGENT);
    expect("GET /api/staff/handoffs", agent);
    expect("GET /api/staff/handoffs/7", agent);
    expect("GET /api/staff/handoffs/7/history", agent);
    expect("POST /api/staff/handoffs/7/claim", agent);
    expect("POST /api/staff/handoffs/7/reply", agent);
    expect("POST /api/staff/handoffs/7/release", agent);

    Set<StaffRole> dispatcherOrAgent = EnumSet.of(DISPATCHER, AGENT);
    Set<StaffRole> dispatcher = EnumSet.of(DISPATCHER);
    expect("GET /api/staff/tickets", dispatcherOrAgent);
    expect("GET /api/staff/tickets/R1", dispatcherOrAgent);
    expect("GET /api/staff/tickets/R1/events", dispatcherOrAgent);
    for (String step : List.of("dispatch", "on-site", "resolve", "cancel", "estimate")) {
      expect("POST /api/staff/tickets/R1/" + step, dispatcher);
    }
    expect("GET /api/staff/outages", dispatcherOrAgent);
    expect("GET /api/staff/outages/7", dispatcherOrAgent);
    expect("GET /api/staff/outages/7/affected-accounts", dispatcher);
    expect("GET /api/staff/outages/7/reach", dispatcher);
    expect("POST /api/staff/outages", dispatcher);
    for (String step : List.of("publish", "start", "estimate", "restore", "cancel")) {
      expect("POST /api/staff/outages/7/" + step, dispatcher);
    }

    Set<StaffRole> serviceOrAgent = EnumSet.of(SERVICE, AGENT);
    Set<StaffRole> service = EnumSet.of(SERVICE);
    expect("POST /api/staff/slots", service);
    expect("GET /api/staff/bookings", serviceOrAgent);
    expect("GET /api/staff/bookings/B1", serviceOrAgent);
    for (String step : List.of("confirm", "reassign", "done", "no-show")) {
      expect("POST /api/staff/bookings/B1/" + step, service);
    }
    expect("GET /api/staff/applications", serviceOrAgent);
    expect("GET /api/staff/applications/A1", serviceOrAgent);
    expect("GET /api/staff/applications/A1/events", serviceOrAgent);
    for (String step : List.of("accept", "survey", "approve", "connect", "reject")) {
      expect("POST /api/staff/applications/A1/" + step, service);
    }

    expect("GET /api/staff/payments/P1", EnumSet.of(FINANCE, AGENT));
    expect("GET /api/staff/payments/P1/refunds", EnumSet.of(FINANCE, AGENT));
    expect("POST /api/staff/payments/P1/refunds", EnumSet.of(FINANCE));
    expect("GET /api/staff/reconciliation", EnumSet.of(FINANCE));
    expect("GET /api/staff/refunds", EnumSet.of(FINANCE, AGENT));
    expect("GET /api/staff/refunds/R1", EnumSet.of(FINANCE, AGENT));
    expect("POST /api/staff/refunds/R1/retry", EnumSet.of(FINANCE));

    Set<StaffRole> marketingOrAgent = EnumSet.of(MARKETING, AGENT);
    Set<StaffRole> marketing = EnumSet.of(MARKETING);
    expect("GET /api/staff/accounts/3300000001/tags", marketingOrAgent);
    expect("POST /api/staff/accounts/3300000001/tags", marketing);
    expect("DELETE /api/staff/accounts/3300000001/tags/VIP", marketing);
    expect("GET /api/staff/tags/VIP/accounts", marketing);
    expect("POST /api/staff/tags/recompute", marketing);
    expect("POST /api/staff/campaigns", marketing);
    expect("GET /api/staff/accounts/3300000001/points", marketingOrAgent);
    expect("POST /api/staff/accounts/3300000001/points/adjustments", marketing);
    expect("GET /api/staff/points/catalogue", marketingOrAgent);

    expect("POST /api/staff/wechat/menu", EnumSet.of(ADMIN));
  }

  private static void expect(String call, Set<StaffRole> roles) {
    EXPECTED.put(call, roles);
  }

  private static MockHttpServletRequest request(String call) {
    String[] methodAndPath = call.split(" ", 2);
    MockHttpServletRequest request = new MockHttpServletRequest(methodAndPath[0], methodAndPath[1]);
    request.setServletPath(methodAndPath[1]);
    return request;
  }

  /** The roles that pass, ADMIN and STAFF counted through what they stand for. */
  private static Set<StaffRole> whoMay(String call) {
    StaffAccess.Rule rule = StaffAccess.ruleFor(request(call));
    Set<StaffRole> may = EnumSet.noneOf(StaffRole.class);
    for (StaffRole role : StaffRole.values()) {
      if (rule.allows(List.of(role))) {
        may.add(role);
      }
    }
    return may;
  }

  @Test
  void everyEndpointHasTheRolesItShould() {
    for (Map.Entry<String, Set<StaffRole>> call : EXPECTED.entrySet()) {
      Set<StaffRole> expected = EnumSet.copyOf(call.getValue());
      expected.add(ADMIN);
      if (expected.stream().anyMatch(StaffRole.operational()::contains)) {
        expected.add(STAFF);
      }
      assertThat(whoMay(call.getKey())).as(call.getKey()).isEqualTo(expected);
    }
  }

  @Test
  void everyStaffEndpointIsInTheTableAbove() {
    // given every mapping of the staff controllers, as "METHOD /path" with path variables as {x}
    Set<String> mapped = new TreeSet<>();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
    for (BeanDefinition bean : scanner.findCandidateComponents("io.gridbot")) {
      mapped.addAll(mappings(load(bean.getBeanClassName())));
    }
    Set<String> staffEndpoints = new TreeSet<>();
    mapped.stream().filter(m -> m.contains(" /api/staff")).forEach(staffEndpoints::add);

    // then each is one of the calls whose roles are checked above (the table's patterns)
    Set<String> expected = new TreeSet<>();
    EXPECTED
        .keySet()
        .forEach(
            call -> expected.add(call.replaceAll("/(7|R1|B1|A1|P1|VIP|3300000001)(?=/|$)", "/{}")));
    assertThat(staffEndpoints).isNotEmpty().isEqualTo(expected);
  }

  @Test
  void whatNoRuleNamesIsForAdminOnly() {
    assertThat(whoMay("GET /api/staff/something-new")).containsExactly(ADMIN);
    assertThat(whoMay("POST /api/staff/me")).containsExactly(ADMIN);
    assertThat(whoMay("PUT /api/staff/handoffs/7/claim")).contains(AGENT);
    assertThat(whoMay("DELETE /api/staff/reconciliation")).contains(FINANCE);
  }

  @Test
  void theLegacyStaffRoleIsEveryOperationalRoleButNotAdmin() {
    assertThat(whoMay("POST /api/staff/payments/P1/refunds")).contains(STAFF);
    assertThat(whoMay("POST /api/staff/outages/7/publish")).contains(STAFF);
    assertThat(whoMay("POST /api/staff/wechat/menu")).doesNotContain(STAFF);
    assertThat(whoMay("GET /api/staff/whatever")).doesNotContain(STAFF);
  }

  @Test
  void springSecuritysHierarchyAgreesWithReach() {
    for (StaffRole role : StaffRole.values()) {
      List<GrantedAuthority> held = List.of(new SimpleGrantedAuthority(role.authority()));
      Set<StaffRole> reached = EnumSet.noneOf(StaffRole.class);
      StaffRole.hierarchy()
          .getReachableGrantedAuthorities(held)
          .forEach(a -> reached.add(StaffRole.ofAuthority(a.getAuthority())));
      assertThat(reached).as(role.name()).isEqualTo(role.reach());
    }
    assertThat(STAFF.reach()).doesNotContain(ADMIN).containsAll(StaffRole.operational());
    assertThat(ADMIN.reach()).isEqualTo(EVERYONE);
    assertThat(AGENT.reach()).containsExactly(AGENT);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> mappings(Class<?> controller) {
    RequestMapping base =
        AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
    String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
    List<String> calls = new ArrayList<>();
    for (Method method : controller.getDeclaredMethods()) {
      RequestMapping mapping =
          AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
      if (mapping == null) {
        continue;
      }
      String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
      for (var verb : mapping.method()) {
        calls.add(verb.name() + " " + path.replaceAll("\\{[^}]+}", "{}"));
      }
    }
    return calls;
  }
}
