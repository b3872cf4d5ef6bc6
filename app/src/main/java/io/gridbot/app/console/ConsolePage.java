package io.gridbot.app.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff console, a static page under {@code /console/} that does everything through the staff
 * API; the page itself is public, its data needs staff credentials.
 */
@Controller
class ConsolePage {

  @GetMapping("/console")
  String redirect() {
    return "redirect:/console/";
  }

  @GetMapping("/console/")
  String page() {
    return "forward:/console/index.html";
  }
}
