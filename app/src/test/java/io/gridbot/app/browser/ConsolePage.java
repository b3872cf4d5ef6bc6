package io.gridbot.app.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The staff console at {@code /console/}, as an agent uses it. */
final class ConsolePage {

  private final Browser browser;
  private final String base;

  ConsolePage(Browser browser, String base) {
    this.browser = browser;
    this.base = base;
  }

  ConsolePage logIn(String username, String password) {
    browser.open(base + "/console/");
    browser.type(By.id("username"), username);
    browser.type(By.id("password"), password);
    browser.click(By.id("login-button"));
    browser.waiting().until(d -> d.findElement(By.id("me")).getText().equals(username));
    return this;
  }

  /** Opens the agent queue and claims the conversation of that web session. */
  void claim(String session) {
    browser.click(By.cssSelector("nav button[data-view='handoffs']"));
    By row = By.xpath("//tbody[@id='queue']/tr[td[contains(., '" + session + "')]]//button");
    browser.click(row);
    browser.waiting().until(d -> d.findElement(By.id("conversation")).isDisplayed());
    browser.waiting().until(d -> d.findElement(By.id("history")).getText().contains("转人工"));
  }

  void reply(String text) {
    browser.type(By.id("reply-text"), text);
    browser.click(By.id("reply-send"));
    browser.waiting().until(d -> d.findElement(By.id("flash")).getText().contains("回复已发送"));
  }

  void release() {
    browser.click(By.id("release"));
    browser.waiting().until(d -> d.findElement(By.id("flash")).getText().contains("已交还"));
  }

  void openTicket(String no) {
    browser.click(By.cssSelector("nav button[data-view='tickets']"));
    browser.type(By.id("ticket-no"), no);
    browser.click(By.id("ticket-open"));
    browser.waiting().until(d -> d.findElement(By.id("ticket")).getText().contains(no));
  }

  /** Moves the open ticket on with the button labelled {@code action} and a note. */
  void ticketStep(String action, String note) {
    browser.type(By.id("ticket-note"), note);
    WebElement step =
        browser.visible(
            By.xpath("//div[@id='ticket']//button[normalize-space()='" + action + "']"));
    step.click();
    browser.waiting().until(d -> d.findElement(By.id("flash")).getText().contains("已更新"));
    browser.waiting().until(d -> d.findElement(By.id("ticket")).getText().contains(note));
  }
}
