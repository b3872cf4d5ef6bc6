package io.gridbot.service.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.notification.Notice;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.RecordingPublisher;
import io.gridbot.service.outage.RecordingPublisherConfiguration;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.outage.TestAreas;
import io.gridbot.service.port.NotificationSender;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * With an SMS sender configured, a web chat reporter (who may close the page) also gets the
 * ticket's progress by SMS at the mobile they gave; WeChat reporters and landlines do not.
 */
@SpringBootTest(properties = "gridbot.notifications.consume=false")
@ActiveProfiles("it")
@Import({RecordingPublisherConfiguration.class, WebReportersBySmsIT.Sms.class})
class WebReportersBySmsIT {

  private static final StaffId STAFF = new StaffId("zhang.dispatch");

  @Autowired RepairService repairs;
  @Autowired OutageService outages;
  @Autowired RecordingPublisher published;

  @Test
  void a_web_reporters_mobile_hears_every_step_by_sms_too() {
    // given a web chat user who gave a mobile
    ChannelUser web = new ChannelUser("web", "it-" + UUID.randomUUID());
    ChannelUser sms = new ChannelUser("sms", "13800005678");
    int before = published.toUser(sms).size();
    Ticket ticket =
        opened(repairs.reportFault(Reports.inArea(web, TestAreas.newDistrict() + "-001")));

    // when
    repairs.dispatch(ticket.ticketNo(), STAFF, null, null);

    // then both got the receipt and the dispatch, with the same keys (each told once per channel)
    assertThat(published.toUser(web))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + ticket.ticketNo() + ":RECEIVED",
            "ticket:" + ticket.ticketNo() + ":DISPATCHED");
    assertThat(published.toUser(sms).subList(before, published.toUser(sms).size()))
        .extracting(Notice::key)
        .containsExactly(
            "ticket:" + ticket.ticketNo() + ":RECEIVED",
            "ticket:" + ticket.ticketNo() + ":DISPATCHED");
  }

  @Test
  void wechat_reporters_and_landlines_are_not_texted() {
    // given
    ChannelUser wechat = new ChannelUser("wechat", "wx0:o" + UUID.randomUUID());
    ChannelUser web = new ChannelUser("web", "it-" + UUID.randomUUID());
    String area = TestAreas.newDistrict() + "-001";
    int before = published.toUser(new ChannelUser("sms", "13800005678")).size();

    // when
    repairs.reportFault(Reports.inArea(wechat, area));
    repairs.reportFault(
        new FaultReport(
            web,
            null,
            new io.gridbot.service.outage.AreaCode(TestAreas.newDistrict() + "-001"),
            null,
            "幸福小区3栋",
            "停电了",
            java.util.List.of(),
            new ContactPhone("0571-87654321")));

    // then
    assertThat(published.toUser(new ChannelUser("sms", "13800005678"))).hasSize(before);
    assertThat(published.toUser(new ChannelUser("sms", "057187654321"))).isEmpty();
  }

  private static Ticket opened(FaultReportResult result) {
    return ((FaultReportResult.TicketOpened) result).ticket();
  }

  /** An SMS sender in the application: its presence turns SMS for web reporters on. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Sms {
    @Bean
    NotificationSender smsSender() {
      return new NotificationSender() {
        @Override
        public String channel() {
          return "sms";
        }

        @Override
        public Delivery send(ChannelUser recipient, Notice notice) {
          return new Delivery(Outcome.SENT, null);
        }
      };
    }
  }
}
