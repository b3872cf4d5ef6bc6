package io.gridbot.channel.wechat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridbot.channel.wechat.WeChatSettings.Template;
import io.gridbot.service.notification.Notice;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRenderingTest {

  private static Notice ticket(String state, Map<String, String> data) {
    return new Notice(
        "progress",
        "ticket:R20261127001:" + state,
        "报修已派单",
        "您的报修R20261127001已派单，抢修人员正在赶往现场，预计今天18:00前恢复供电。",
        false,
        data);
  }

  @Test
  void aSubjectTemplateWinsOverTheKindsAndKeysIgnoreCaseAndPunctuation() {
    Template repair = new Template("TPL-REPAIR", Map.of("thing1", "title"), null);
    Template progress = new Template("TPL-PROGRESS", Map.of("thing1", "title"), null);
    Template lowBalance = new Template("TPL-LOW", Map.of("amount1", "balance"), null);
    TemplateRendering rendering =
        new TemplateRendering(
            Map.of("progress-ticket", repair, "progress", progress, "lowbalance", lowBalance));

    assertThat(rendering.render(ticket("DISPATCHED", Map.of())).orElseThrow().templateId())
        .isEqualTo("TPL-REPAIR");
    Notice booking = new Notice("progress", "booking:B1:BOOKED", "预约成功", "您好", false, Map.of());
    assertThat(rendering.render(booking).orElseThrow().templateId()).isEqualTo("TPL-PROGRESS");
    Notice low =
        new Notice(
            "low_balance",
            "low_balance:1:2026-11-27",
            "余额不足提醒",
            "余额",
            false,
            Map.of("balance", "9.50"));
    assertThat(rendering.render(low).orElseThrow().values()).containsEntry("amount1", "9.50");
    Notice campaign = new Notice("campaign", "campaign:7", "活动", "活动内容", false, Map.of());
    assertThat(rendering.render(campaign)).isEmpty();
  }

  @Test
  void anEventTemplateWinsAndTheIdNoneMeansCustomerServiceText() {
    Template paid = new Template("TPL-PAID", Map.of("amount1", "amount"), null);
    Template restored = new Template("TPL-RESTORED", Map.of("thing1", "title"), null);
    TemplateRendering rendering =
        new TemplateRendering(
            Map.of(
                "payment", paid,
                "payment-payment-refund", new Template("none", Map.of(), null),
                "outage", paid,
                "outage-outage-restored", restored));

    Notice payment = new Notice("payment", "payment:P1", "缴费成功", "已缴费", false, Map.of());
    Notice refund = new Notice("payment", "payment:P1:refund:F1", "退款通知", "已退款", false, Map.of());
    Notice back = new Notice("outage", "outage:42:restored", "恢复供电通知", "已恢复", true, Map.of());

    assertThat(rendering.render(payment).orElseThrow().templateId()).isEqualTo("TPL-PAID");
    assertThat(rendering.render(refund)).isEmpty();
    assertThat(rendering.render(back).orElseThrow().templateId()).isEqualTo("TPL-RESTORED");
  }

  @Test
  void aBlankTemplateIdIsNoTemplate() {
    TemplateRendering rendering =
        new TemplateRendering(
            Map.of("progress", new Template(" ", Map.of("thing1", "title"), null)));

    assertThat(rendering.render(ticket("DISPATCHED", Map.of()))).isEmpty();
  }

  @Test
  void fieldsAreFilledFromTitleTextDataLiteralsAndPatterns() {
    Template template =
        new Template(
            "TPL",
            Map.of(
                "first", "title",
                "keyword1", "ticketNo",
                "keyword2", "=国网电力",
                "keyword3", "{ticketNo}（{state}）",
                "remark", "text",
                "keyword4", "missing"),
            null);
    Notice notice = ticket("DISPATCHED", Map.of("ticketNo", "R20261127001", "state", "DISPATCHED"));

    Map<String, String> values = TemplateRendering.render(template, notice).values();

    assertThat(values)
        .containsEntry("first", "报修已派单")
        .containsEntry("keyword1", "R20261127001")
        .containsEntry("keyword2", "国网电力")
        .containsEntry("keyword3", "R20261127001（DISPATCHED）")
        .containsEntry("remark", notice.text())
        .containsEntry("keyword4", "-");
  }

  @Test
  void timesAreWrittenInChinaTimeAndValuesClippedToTheirTypesLimits() {
    Template template =
        new Template(
            "TPL",
            Map.of(
                "time1", "expectedRestoration",
                "date2", "dueDate",
                "time3", "{date} {start}",
                "thing4", "text",
                "phrase5", "state",
                "character_string6", "long",
                "time7", "period"),
            null);
    Notice notice =
        ticket(
            "DISPATCHED",
            Map.of(
                "expectedRestoration", "2026-11-27T10:00:00Z",
                "dueDate", "2026-12-15",
                "date", "2026-12-01",
                "start", "09:00",
                "state", "DISPATCHED",
                "long", "A".repeat(40),
                "period", "2026-10"));

    Map<String, String> values = TemplateRendering.render(template, notice).values();

    assertThat(values.get("time1")).isEqualTo("2026年11月27日 18:00");
    assertThat(values.get("date2")).isEqualTo("2026年12月15日");
    assertThat(values.get("time3")).isEqualTo("2026年12月1日 09:00");
    assertThat(values.get("thing4")).hasSize(20).endsWith("…").startsWith("您的报修R20261127001");
    assertThat(values.get("phrase5")).isEqualTo("DISPA");
    assertThat(values.get("character_string6")).isEqualTo("A".repeat(32));
    assertThat(values.get("time7")).isEqualTo("2026年10月");
  }

  @Test
  void theUrlIsFilledEncodedAndDroppedWhenItNamesMissingData() {
    Template template =
        new Template("TPL", Map.of(), "https://gridbot.example.com/t/{ticketNo}?s={state}");

    assertThat(
            TemplateRendering.render(
                    template, ticket("X", Map.of("ticketNo", "R1", "state", "已 派单")))
                .url())
        .isEqualTo("https://gridbot.example.com/t/R1?s=%E5%B7%B2+%E6%B4%BE%E5%8D%95");
    assertThat(TemplateRendering.render(template, ticket("X", Map.of("ticketNo", "R1"))).url())
        .isNull();
  }
}
