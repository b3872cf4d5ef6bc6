package io.gridbot.app.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The robot chat page at {@code /}, as a customer uses it. */
final class ChatPage {

  private final Browser browser;
  private final String base;

  ChatPage(Browser browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  ChatPage open() {
    browser.open(base + "/");
    browser.visible(By.cssSelector("#log .msg"));
    return this;
  }

  /** The session id the page keeps in the browser. */
  String session() {
    return ((String) browser.script("return JSON.parse(localStorage.getItem('gridbot.session'));"));
  }

  int messages() {
    return browser.driver.findElements(By.cssSelector("#log .msg, #log .system")).size();
  }

  /**
   * Types and sends {@code text}, then waits for the robot's answer containing {@code expected}.
   */
  String say(String text, String expected) {
    int before = messages();
    browser.type(By.id("input"), text);
    browser.click(By.id("send"));
    return awaitMessage(before, "bot", expected);
  }

  /** Taps the option labelled with {@code label} in the latest message and waits for the answer. */
  String choose(String label, String expected) {
    int before = messages();
    List<WebElement> options =
        browser.driver.findElements(By.cssSelector("#log .options button:not([disabled])"));
    WebElement option =
        options.stream()
            .filter(o -> o.getText().contains(label))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("no option " + label + " on the page"));
    option.click();
    return awaitMessage(before, "bot", expected);
  }

  /**
   * Waits until a message of kind {@code who} (bot, agent, notice, system) after the first {@code
   * after} messages contains {@code expected}; returns its text.
   */
  String awaitMessage(int after, String who, String expected) {
    return browser
        .waiting()
        .withMessage(() -> "a " + who + " message containing " + expected + "; page: " + log())
        .until(d -> find(after, who, expected).orElse(null));
  }

  private Optional<String> find(int after, String who, String expected) {
    List<WebElement> all = browser.driver.findElements(By.cssSelector("#log .msg, #log .system"));
    for (int i = after; i < all.size(); i++) {
      WebElement m = all.get(i);
      String cls = m.getAttribute("class");
      boolean kind = "system".equals(who) ? cls.contains("system") : cls.contains(" " + who);
      if (kind && m.getText().contains(expected)) {
        return Optional.of(m.getText());
      }
    }
    return Optional.empty();
  }

  String log() {
    return browser.driver.findElement(By.id("log")).getText();
  }

  /** The link of the latest link reply. */
  String lastLink() {
    List<WebElement> links = browser.driver.findElements(By.cssSelector("#log .msg.bot a.action"));
    if (links.isEmpty()) {
      throw new AssertionError("no link on the page: " + log());
    }
    return links.get(links.size() - 1).getAttribute("href");
  }

  String banner() {
    WebElement banner = browser.driver.findElement(By.id("handoff"));
    return banner.isDisplayed() ? banner.getText() : "";
  }
}
