package io.gridbot.service.outage;

import io.gridbot.service.notification.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What customers of an outage's areas read, in Chinese. */
final class OutageNotices {

  private static final String KIND = "outage";

  /**
   * A planned outage starting sooner than this is announced at once, even in quiet hours: held
   * until the morning, the notice could come after the power went off.
   */
  static final Duration URGENT_WITHIN = Duration.ofHours(12);

  private OutageNotices() {}

  static Notice published(Outage outage, Instant now) {
    String text =
        outage.kind() == OutageKind.PLANNED
            ? "尊敬的客户：因"
                + outage.reason()
                + "，您所在区域将于"
                + ChinaTime.formatWithDate(outage.startsAt())
                + "至"
                + ChinaTime.formatWithDate(outage.expectedEnd())
                + "停电。请提前做好准备，给您带来不便，敬请谅解。"
            : "尊敬的客户：您所在区域因"
                + outage.reason()
                + "停电，抢修人员正在全力抢修"
                + (outage.expectedEnd() == null
                    ? "，恢复时间确定后我们会第一时间通知您。"
                    : "，预计" + ChinaTime.format(outage.expectedEnd(), now) + "前恢复供电。")
                + "给您带来不便，敬请谅解。";
    String title = outage.kind() == OutageKind.PLANNED ? "计划停电通知" : "故障停电通知";
    boolean urgent =
        outage.kind() == OutageKind.UNPLANNED
            || outage.startsAt().isBefore(now.plus(URGENT_WITHIN));
    return notice(outage, "published", title, text, urgent);
  }

  static Notice estimateUpdated(Outage outage, Instant now) {
    String text =
        "尊敬的客户：您所在区域停电的预计恢复时间调整为"
            + ChinaTime.format(outage.expectedEnd(), now)
            + "，我们正在全力处理，给您带来不便，敬请谅解。";
    return notice(outage, "eta:" + outage.etaRevision(), "恢复供电时间更新", text, true);
  }

  static Notice restored(Outage outage) {
    String text = "尊敬的客户：您所在区域已恢复供电，感谢您的耐心等待与理解。";
    return notice(outage, "restored", "恢复供电通知", text, true);
  }

  static Notice cancelled(Outage outage) {
    String text =
        "尊敬的客户：原定于" + ChinaTime.formatWithDate(outage.startsAt()) + "开始的计划停电已取消，届时将正常供电。感谢您的理解与支持。";
    return notice(outage, "cancelled", "停电取消通知", text, false);
  }

  private static Notice notice(
      Outage outage, String event, String title, String text, boolean urgent) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("outageId", Long.toString(outage.id()));
    data.put("kind", outage.kind().name());
    data.put("startsAt", outage.startsAt().toString());
    if (outage.expectedEnd() != null) {
      data.put("expectedEnd", outage.expectedEnd().toString());
    }
    return new Notice(KIND, "outage:" + outage.id() + ":" + event, title, text, urgent, data);
  }
}
