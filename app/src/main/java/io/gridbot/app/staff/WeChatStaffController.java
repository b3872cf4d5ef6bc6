package io.gridbot.app.staff;

import io.gridbot.channel.wechat.menu.WeChatMenuPublisher;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff publish the configured WeChat custom menu to every official account ({@code POST
 * /api/staff/wechat/menu}); the answer tells, per account, whether WeChat took it.
 */
@RestController
@RequestMapping("/api/staff/wechat")
class WeChatStaffController {

  private static final Logger log = LoggerFactory.getLogger(WeChatStaffController.class);

  private final WeChatMenuPublisher menus;

  WeChatStaffController(WeChatMenuPublisher menus) {
    this.menus = menus;
  }

  /**
   * @param accounts one entry per configured account, in configuration order
   * @param published how many accounts took the menu
   * @param failed how many refused it (their entries say why)
   */
  record MenuPublished(List<WeChatMenuPublisher.Published> accounts, int published, int failed) {}

  @PostMapping("/menu")
  ResponseEntity<?> publishMenu(Principal staff) {
    List<WeChatMenuPublisher.Published> results = menus.publishAll();
    if (results.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT, "no WeChat account is configured (gridbot.wechat.accounts)");
      problem.setTitle("wechat.no-account");
      problem.setType(URI.create("urn:gridbot:problem:wechat.no-account"));
      return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
    int published = (int) results.stream().filter(WeChatMenuPublisher.Published::ok).count();
    log.info(
        "staff {} published the WeChat menu: {} accounts took it, {} refused",
        staff.getName(),
        published,
        results.size() - published);
    return ResponseEntity.ok(new MenuPublished(results, published, results.size() - published));
  }
}
