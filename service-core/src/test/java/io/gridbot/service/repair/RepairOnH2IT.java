package io.gridbot.service.repair;

import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.RecordingPublisherConfiguration;
import io.gridbot.service.outage.StaffId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The repair and outage SQL (upserts, generated columns, LIKE prefixes) on H2 in MySQL mode. */
@SpringBootTest
@ActiveProfiles("h2")
@Import(RecordingPublisherConfiguration.class)
class RepairOnH2IT {

  @Autowired RepairService repairs;
  @Autowired OutageService outages;

  @Test
  void reports_cluster_into_an_outage_that_covers_later_reports() {
    // given the demo account 3300000001 in CN-330106-017
    FaultReport report = Reports.forAccount(newWechatUser(), new AccountNo("3300000001"));

    // when
    FaultReportResult first = repairs.reportFault(report);
    repairs.reportFault(report);
    FaultReportResult third = repairs.reportFault(report);
    FaultReportResult fourth = repairs.reportFault(report);

    // then
    assertThat(first).isInstanceOf(FaultReportResult.TicketOpened.class);
    assertThat(third).isInstanceOf(FaultReportResult.OutageDetected.class);
    long outageId = ((FaultReportResult.OutageDetected) third).outage().id();
    assertThat(fourth).isInstanceOf(FaultReportResult.LinkedToOutage.class);
    assertThat(((FaultReportResult.LinkedToOutage) fourth).outage().id()).isEqualTo(outageId);
    assertThat(repairs.openInArea(new AreaCode("CN-330106"), 10))
        .extracting(Ticket::outageId)
        .containsExactly(outageId, outageId, outageId);
    assertThat(outages.affectedAccounts(outageId, 0, 10))
        .containsExactly(new AccountNo("3300000001"), new AccountNo("3300000002"));

    // when the power is back, its tickets are resolved and the next report is a ticket again
    outages.restore(outageId, new StaffId("ops"));
    assertThat(repairs.openInArea(new AreaCode("CN-330106"), 10)).isEmpty();
    assertThat(repairs.reportedBy(report.reporter(), 10))
        .extracting(Ticket::state)
        .containsOnly(TicketState.RESOLVED);
    assertThat(repairs.reportFault(report)).isInstanceOf(FaultReportResult.TicketOpened.class);
    assertThat(repairs.reportedBy(report.reporter(), 10)).hasSize(4);
  }
}
