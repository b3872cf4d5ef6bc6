package io.gridbot.channel.wechat.menu;

import java.util.List;

/** The custom menu breaks WeChat's rules (or is not readable); nothing was published. */
public class InvalidMenu extends IllegalArgumentException {

  private final List<String> problems;

  InvalidMenu(String source, List<String> problems) {
    super("invalid WeChat menu " + source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each rule broken, naming the button, e.g. {@code button[1].sub_button[0]: key is required}. */
  public List<String> problems() {
    return problems;
  }
}
