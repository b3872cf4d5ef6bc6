package io.gridbot.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.app.CleanDatabase;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.subscription.QuietHours;
import io.gridbot.service.subscription.SubscriptionService;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The robot chat page and the staff console in headless Chromium, against MariaDB and Redis: a
 * customer binds, pays and sees the new balance; reports a fault with a location and a photo and
 * sees staff's progress arrive; asks for a human, whom an agent in a second browser answers live.
 * Screenshots of every step go to {@code target/browser-screenshots}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gridbot.staff.users[0].username=staff",
      "gridbot.staff.users[0].password={noop}gridbot-demo",
      "gridbot.staff.users[0].roles=STAFF",
      "gridbot.staff.users[1].username=dispatcher",
      "gridbot.staff.users[1].password={noop}gridbot-demo",
      "gridbot.staff.users[1].roles=DISPATCHER",
      "gridbot.staff.users[2].username=agent",
      "gridbot.staff.users[2].password={noop}gridbot-demo",
      "gridbot.staff.users[2].roles=AGENT",
      "gridbot.web.photos.dir=target/browser-it-photos",
      "gridbot.web.events.poll=200ms"
    })
@ActiveProfiles("it")
@Import(CleanDatabase.class)
class ChatBrowserIT {

  private static final Pattern TICKET = Pattern.compile("R\\d{8,}");

  @LocalServerPort int port;
  @Autowired SubscriptionService subscriptions;

  @BeforeAll
  static void chromiumIsInstalled() {
    assertThat(Browser.CHROMIUM).as("Debian's chromium (.ci/run installs it)").isExecutable();
    assertThat(Browser.CHROMEDRIVER).as("Debian's chromium-driver").isExecutable();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void aCustomerBindsPaysOnTheDemoPayPageAndSeesTheNewBalance() {
    try (Browser phone = new Browser("pay", 420, 860)) {
      ChatPage chat = new ChatPage(phone, base()).open();
      phone.screenshot("welcome");

      chat.say("绑定户号3300000001", "验证");
      chat.say("0001", "绑定成功");
      phone.screenshot("bound");
      assertThat(chat.say("查余额", "12.50")).contains("3300****01");

      // the conversation survives a reload
      String session = chat.session();
      phone.driver.navigate().refresh();
      phone.visible(By.cssSelector("#log .msg"));
      assertThat(chat.session()).isEqualTo(session);
      assertThat(chat.log()).contains("绑定成功").contains("12.50");

      chat.say("帮我交100元电费", "确认");
      phone.screenshot("confirm-payment");
      chat.choose("确认", "去支付");
      phone.screenshot("payment-link");
      String link = chat.lastLink();
      Matcher order = Pattern.compile("/pay/([^/?#]+)").matcher(link);
      assertThat(order.find()).as(link).isTrue();

      // the customer opens the demo cashier and pays
      String chatWindow = phone.driver.getWindowHandle();
      phone.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
      phone.open(base() + "/pay/" + order.group(1));
      phone.visible(By.cssSelector(".state.open button"));
      assertThat(phone.driver.getPageSource()).contains("100.00");
      phone.screenshot("cashier");
      phone.click(By.cssSelector(".state.open button"));
      assertThat(
              phone
                  .visible(By.cssSelector("body[data-state='done'] .state.done:not(.open)"))
                  .getText())
          .contains("支付成功");
      phone.screenshot("paid");
      phone.driver.close();
      phone.driver.switchTo().window(chatWindow);

      assertThat(chat.say("查余额", "112.50")).contains("112.50");
      phone.screenshot("new-balance");
    }
  }

  @Test
  void aFaultWithLocationAndPhotoIsReportedAndStaffProgressReachesThePage() throws IOException {
    Path photo = photo();
    try (Browser phone = new Browser("fault", 420, 860)) {
      ChatPage chat = new ChatPage(phone, base()).open();
      phone.placeAt(base(), 30.274, 120.155);
      noQuietHoursFor(chat.session());

      chat.say("家里突然停电了", "故障在哪里");
      int before = chat.messages();
      phone.click(By.id("send-location"));
      chat.awaitMessage(before, "bot", "电话");
      phone.screenshot("location-sent");
      chat.say("13912345678", "照片");

      before = chat.messages();
      phone.driver.findElement(By.id("photo-input")).sendKeys(photo.toAbsolutePath().toString());
      chat.awaitMessage(before, "bot", "已收到1张照片");
      assertThat(phone.driver.findElements(By.cssSelector("#log .msg.me img"))).isNotEmpty();
      phone.screenshot("photo-sent");
      assertThat(chat.choose("继续", "确认提交")).contains("照片：1张");
      String opened = chat.choose("确认", "工单号");
      phone.screenshot("ticket-opened");
      Matcher ticket = TICKET.matcher(opened);
      assertThat(ticket.find()).as(opened).isTrue();
      String no = ticket.group();

      // staff, in their own browser, dispatch the ticket with a note
      try (Browser desk = new Browser("fault-console", 1280, 900)) {
        ConsolePage console = new ConsolePage(desk, base()).logIn("staff", "gridbot-demo");
        console.openTicket(no);
        assertThat(desk.visible(By.cssSelector("#ticket .photos img")).getAttribute("src"))
            .contains("/api/robot/photos/");
        desk.screenshot("ticket");
        int notices = chat.messages();
        console.ticketStep("派单", "抢修一班已出发");
        desk.screenshot("dispatched");

        // and the customer's page shows the progress without a reload
        assertThat(chat.awaitMessage(notices, "notice", no)).contains("已派单");
        phone.screenshot("progress-notice");
      }
    }
  }

  @Test
  void anAgentInASecondBrowserAnswersTheCustomerLiveAndHandsBack() {
    try (Browser phone = new Browser("handoff", 420, 860);
        Browser desk = new Browser("handoff-console", 1280, 900)) {
      ChatPage chat = new ChatPage(phone, base()).open();
      chat.say("转人工", "人工客服");
      phone.waiting().until(d -> chat.banner().contains("转接人工客服"));
      phone.screenshot("queued");

      ConsolePage console = new ConsolePage(desk, base()).logIn("staff", "gridbot-demo");
      console.claim(chat.session());
      desk.screenshot("claimed");
      phone.waiting().until(d -> chat.banner().contains("人工客服已接入"));

      int before = chat.messages();
      console.reply("您好，我是客服小王，请问有什么可以帮您？");
      assertThat(chat.awaitMessage(before, "agent", "客服小王")).contains("人工客服");
      phone.screenshot("agent-answer");

      before = chat.messages();
      console.release();
      desk.screenshot("released");
      chat.awaitMessage(before, "agent", "人工客服已结束本次服务");
      chat.awaitMessage(before, "system", "已回到智能助手");
      phone.waiting().until(d -> chat.banner().isEmpty());
      phone.screenshot("back-to-robot");
      chat.say("查余额", "绑定");
    }
  }

  @Test
  void staffSeeTodaysFiguresAndPublishAPlannedOutageWithItsReach() {
    // given a conversation today
    try (Browser phone = new Browser("dashboard-customer", 420, 860)) {
      new ChatPage(phone, base()).open().say("你好", "");
    }
    try (Browser desk = new Browser("console", 1280, 900)) {
      new ConsolePage(desk, base()).logIn("staff", "gridbot-demo");

      // the dashboard counts it
      desk.waiting().until(d -> !d.findElements(By.cssSelector("#dashboard .figure")).isEmpty());
      String figures = desk.driver.findElement(By.id("dashboard")).getText();
      assertThat(figures).contains("今日会话").contains("智能助手独立解决").contains("今日缴费笔数");
      assertThat(
              desk.driver
                  .findElement(By.xpath("//div[@class='figure'][span[2]='今日会话']/span[1]"))
                  .getText())
          .matches("[1-9][0-9]*");
      desk.screenshot("dashboard");

      // a planned outage for the demo area is published and its reach shown
      desk.click(By.cssSelector("nav button[data-view='outages']"));
      desk.script(
          "document.getElementById('outage-start').value = '2099-01-01T09:00';"
              + "document.getElementById('outage-end').value = '2099-01-01T17:00';");
      desk.type(By.id("outage-reason"), "线路检修（浏览器测试）");
      desk.click(By.id("outage-publish"));
      desk.waiting().until(d -> d.findElement(By.id("outage-result")).getText().contains("已通知"));
      String reach = desk.driver.findElement(By.id("outage-result")).getText();
      Matcher published = Pattern.compile("停电 (\\d+) 已发布").matcher(reach);
      assertThat(published.find()).as(reach).isTrue();
      // other tests of this database must not hear of this outage
      cancelAfterwards(Long.parseLong(published.group(1)));
      assertThat(reach).matches("(?s).*影响 [1-9][0-9]* 户，已通知 [0-9]+ 位.*");
      desk.waiting().until(d -> d.findElement(By.id("outages")).getText().contains("线路检修（浏览器测试）"));
      desk.screenshot("outage-published");

      // the bookings and applications lists answer through the staff API
      desk.click(By.cssSelector("nav button[data-view='applications']"));
      desk.click(By.cssSelector("#application-filter button[type='submit']"));
      desk.waiting().until(d -> !d.findElements(By.cssSelector("#applications tr")).isEmpty());
      assertThat(desk.driver.findElement(By.id("flash")).getAttribute("class"))
          .as("no error shown")
          .doesNotContain("bad");
      desk.screenshot("applications");
    }
  }

  @Test
  void theConsoleShowsEachRoleOnlyWhatItMayAndSaysSoPlainlyWhenRefused() {
    try (Browser desk = new Browser("console-dispatcher", 1280, 900)) {
      new ConsolePage(desk, base()).logIn("dispatcher", "gridbot-demo");

      assertThat(visibleTabs(desk)).containsExactly("dashboard", "tickets", "outages");
      assertThat(desk.driver.findElement(By.id("my-roles")).getText()).isEqualTo("抢修调度");
      desk.click(By.cssSelector("nav button[data-view='outages']"));
      assertThat(desk.visible(By.id("outage-form")).isDisplayed()).isTrue();
      desk.screenshot("dispatcher");
    }
    try (Browser desk = new Browser("console-agent", 1280, 900)) {
      new ConsolePage(desk, base()).logIn("agent", "gridbot-demo");

      // an agent reads outages but may not publish one: the form is not shown
      assertThat(visibleTabs(desk))
          .containsExactly(
              "dashboard", "handoffs", "tickets", "bookings", "applications", "outages");
      desk.click(By.cssSelector("nav button[data-view='outages']"));
      desk.visible(By.id("view-outages"));
      assertThat(desk.driver.findElement(By.id("outage-form")).isDisplayed()).isFalse();

      // a page still showing the form (say, from before a role was taken away) is refused plainly
      desk.script(
          "document.getElementById('outage-publishing').hidden = false;"
              + "document.getElementById('outage-start').value = '2099-01-02T09:00';"
              + "document.getElementById('outage-end').value = '2099-01-02T17:00';");
      desk.click(By.id("outage-publish"));
      desk.waiting().until(d -> d.findElement(By.id("flash")).getText().contains("没有权限"));
      assertThat(desk.driver.findElement(By.id("flash")).getText())
          .isEqualTo("没有权限：您的账号没有执行此操作的角色，请联系管理员开通。");
      assertThat(desk.driver.findElement(By.id("outage-result")).getText()).isEmpty();
      desk.screenshot("agent-refused");
    }
  }

  private static java.util.List<String> visibleTabs(Browser desk) {
    return desk.driver.findElements(By.cssSelector("nav button")).stream()
        .filter(org.openqa.selenium.WebElement::isDisplayed)
        .map(b -> b.getAttribute("data-view"))
        .toList();
  }

  private final java.util.List<Long> outagesToCancel = new java.util.ArrayList<>();

  private void cancelAfterwards(long outageId) {
    outagesToCancel.add(outageId);
  }

  @org.junit.jupiter.api.AfterEach
  void cancelOutages() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (long id : outagesToCancel) {
      java.net.http.HttpResponse<String> cancelled =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(base() + "/api/staff/outages/" + id + "/cancel"))
                  .header("Content-Type", "application/json")
                  .header(
                      "Authorization",
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString("staff:gridbot-demo".getBytes()))
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"note\":\"测试结束\"}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    }
    outagesToCancel.clear();
  }

  /** The test runs at any hour: this user has quiet hours that exclude the next hour. */
  private void noQuietHoursFor(String session) {
    LocalTime now =
        ZonedDateTime.now(QuietHours.CHINA).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
    subscriptions.setQuietHours(
        new ChannelUser("web", session),
        new QuietHours(now.plusHours(2), now.plusHours(3), QuietHours.CHINA));
  }

  private static Path photo() throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.DARK_GRAY);
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.ORANGE);
    g.drawLine(0, 0, 63, 47);
    g.dispose();
    Path file = Files.createDirectories(Path.of("target")).resolve("browser-it-fault.png");
    ImageIO.write(image, "png", file.toFile());
    return file;
  }
}
