package io.gridbot.service.repair;

import io.gridbot.service.notification.Notice;
import io.gridbot.service.outage.ChinaTime;
import io.gridbot.service.outage.Outage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a ticket's reporter reads about its progress, in Chinese. */
final class TicketNotices {

  private static final String KIND = "progress";

  private TicketNotices() {}

  static Notice of(TicketRow ticket, Instant now) {
    String no = ticket.ticketNo();
    String text =
        switch (ticket.state()) {
          case RECEIVED -> "您的报修" + no + "已受理，我们将尽快安排抢修人员，请保持电话畅通。";
          case DISPATCHED -> "您的报修" + no + "已派单，抢修人员正在赶往现场" + eta(ticket, now);
          case ON_SITE -> "抢修人员已到达现场，正在处理您的报修" + no + eta(ticket, now);
          case RESOLVED -> "您的报修" + no + "已处理完毕，供电已恢复。感谢您的耐心等待，如仍有问题请随时联系我们。";
          case CANCELLED -> "您的报修" + no + "已取消。如仍需帮助，请随时联系我们。";
        };
    return notice(ticket, ticket.state().name(), title(ticket.state()), text);
  }

  static Notice estimateUpdated(TicketRow ticket, Instant now) {
    String text =
        "您的报修"
            + ticket.ticketNo()
            + "预计恢复供电时间调整为"
            + ChinaTime.format(ticket.expectedRestoration(), now)
            + "，给您带来不便，敬请谅解。";
    return notice(ticket, "eta:" + ticket.etaRevision(), "抢修进度更新", text);
  }

  static Notice joinedOutage(TicketRow ticket, Outage outage) {
    String text = "您的报修" + ticket.ticketNo() + "所在区域已确认发生故障停电，抢修人员正在全力抢修，恢复供电后我们会第一时间通知您。";
    return notice(ticket, "outage:" + outage.id(), "抢修进度更新", text);
  }

  /**
   * To a customer whose report was recorded against the outage: the supply is back. Its key is the
   * outage's restoration notice's, so a customer who is also told as a subscriber of the area hears
   * it once.
   */
  static Notice outageRestored(long outageId) {
    String text = "尊敬的客户：您报告的停电（停电编号 " + outageId + "）已恢复供电，感谢您的耐心等待。如您家中仍未来电，请回复“报修”告诉我们。";
    return new Notice(
        KIND,
        "outage:" + outageId + ":restored",
        "恢复供电通知",
        text,
        true,
        Map.of("outageId", Long.toString(outageId)));
  }

  private static String eta(TicketRow ticket, Instant now) {
    return ticket.expectedRestoration() == null
        ? "，请您耐心等待。"
        : "，预计" + ChinaTime.format(ticket.expectedRestoration(), now) + "前恢复供电。";
  }

  private static String title(TicketState state) {
    return switch (state) {
      case RECEIVED -> "报修已受理";
      case DISPATCHED -> "报修已派单";
      case ON_SITE -> "抢修人员已到达";
      case RESOLVED -> "报修已处理";
      case CANCELLED -> "报修已取消";
    };
  }

  private static Notice notice(TicketRow ticket, String event, String title, String text) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("ticketNo", ticket.ticketNo());
    data.put("state", ticket.state().name());
    if (ticket.expectedRestoration() != null) {
      data.put("expectedRestoration", ticket.expectedRestoration().toString());
    }
    return new Notice(KIND, "ticket:" + ticket.ticketNo() + ":" + event, title, text, false, data);
  }
}
