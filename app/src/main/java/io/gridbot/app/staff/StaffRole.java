package io.gridbot.app.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * What a staff user may do. The Spring Security authority of a role is {@code ROLE_} and its name,
 * e.g. {@code ROLE_AGENT}; which endpoints each role reaches is {@link StaffAccess}.
 */
public enum StaffRole {
  /** The agent queue: claims, replies to and releases handed-off conversations. */
  AGENT,
  /** Repair tickets and outages, including publishing planned outages and their reach. */
  DISPATCHER,
  /** Appointment slots, bookings and applications (new connections, changes). */
  SERVICE,
  /** Payments, refunds and the daily reconciliation. */
  FINANCE,
  /** Customer tags, campaigns and points. */
  MARKETING,
  /** Everything, including the WeChat menu and any endpoint no other role is given. */
  ADMIN,
  /**
   * The single role of earlier versions, kept so that existing accounts go on working: every
   * operational role ({@link #operational()}), not {@link #ADMIN}.
   */
  STAFF;

  private static final String PREFIX = "ROLE_";

  /** The roles of day-to-day work, which {@link #STAFF} stands for. */
  public static Set<StaffRole> operational() {
    return EnumSet.of(AGENT, DISPATCHER, SERVICE, FINANCE, MARKETING);
  }

  /** This role's Spring Security authority, e.g. {@code ROLE_AGENT}. */
  public String authority() {
    return PREFIX + name();
  }

  /** This role and every role it stands for. */
  public Set<StaffRole> reach() {
    if (this == ADMIN) {
      return EnumSet.allOf(StaffRole.class);
    }
    EnumSet<StaffRole> reach = EnumSet.of(this);
    if (this == STAFF) {
      reach.addAll(operational());
    }
    return reach;
  }

  /**
   * The role of that name, in any case, with or without the {@code ROLE_} prefix.
   *
   * @throws IllegalArgumentException naming the known roles, for null, blank or unknown names
   */
  public static StaffRole of(String name) {
    String role = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    if (role.startsWith(PREFIX)) {
      role = role.substring(PREFIX.length());
    }
    for (StaffRole known : values()) {
      if (known.name().equals(role)) {
        return known;
      }
    }
    throw new IllegalArgumentException(
        "unknown staff role '" + name + "'; known roles: " + knownNames());
  }

  /**
   * Roles from a comma-separated list such as {@code AGENT,FINANCE}.
   *
   * @throws IllegalArgumentException for an empty list or an unknown role
   */
  public static List<StaffRole> list(String names) {
    if (names == null || names.isBlank()) {
      throw new IllegalArgumentException("no staff role given; known roles: " + knownNames());
    }
    List<StaffRole> roles = new ArrayList<>();
    for (String name : names.split(",", -1)) {
      StaffRole role = of(name);
      if (!roles.contains(role)) {
        roles.add(role);
      }
    }
    return List.copyOf(roles);
  }

  /** The role of an authority such as {@code ROLE_AGENT}, or null when it names no staff role. */
  static StaffRole ofAuthority(String authority) {
    if (authority == null || !authority.startsWith(PREFIX)) {
      return null;
    }
    try {
      return of(authority);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The known role names, comma-separated, for error messages. */
  static String knownNames() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * Spring Security's view of {@link #reach()}: ADMIN implies every role, STAFF the operational.
   */
  static RoleHierarchy hierarchy() {
    RoleHierarchyImpl.Builder builder = RoleHierarchyImpl.withDefaultRolePrefix();
    for (StaffRole role : values()) {
      String[] implied =
          role.reach().stream().filter(r -> r != role).map(Enum::name).toArray(String[]::new);
      if (implied.length > 0) {
        builder = builder.role(role.name()).implies(implied);
      }
    }
    return builder.build();
  }
}
