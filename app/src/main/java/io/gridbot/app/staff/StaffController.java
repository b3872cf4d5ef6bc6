package io.gridbot.app.staff;

import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the calling staff user is. */
@RestController
@RequestMapping("/api/staff")
class StaffController {

  record Me(String username, List<String> roles) {}

  @GetMapping("/me")
  Me me(Principal principal, Authentication authentication) {
    return new Me(
        principal.getName(),
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .sorted()
            .toList());
  }
}
