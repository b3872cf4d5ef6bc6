package io.gridbot.app.staff;

import java.util.List;
import java.util.Objects;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the calling staff user is, and what they may do. */
@RestController
@RequestMapping("/api/staff")
class StaffController {

  private final RoleHierarchy hierarchy;

  StaffController(RoleHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /**
   * @param username the login name
   * @param roles every {@link StaffRole} the user holds, directly or through ADMIN or STAFF,
   *     without the {@code ROLE_} prefix, in {@link StaffRole} order: the console shows what they
   *     allow
   */
  record Me(String username, List<String> roles) {}

  @GetMapping("/me")
  Me me(Authentication authentication) {
    return new Me(
        authentication.getName(),
        hierarchy.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
            .map(GrantedAuthority::getAuthority)
            .map(StaffRole::ofAuthority)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .map(Enum::name)
            .toList());
  }
}
