package io.gridbot.service.application;

import io.gridbot.service.notification.Notice;
import java.util.Map;

/** The customer-facing notices about an application, in polite Chinese. */
final class ApplicationNotices {

  private ApplicationNotices() {}

  /** The notice for an application that just reached its current state. */
  static Notice stateReached(Application application) {
    String ref = application.type().label() + "申请（编号" + application.no() + "）";
    return switch (application.state()) {
      case SUBMITTED ->
          notice(application, "申请已提交", "您好，您的" + ref + "已提交成功。我们将尽快受理，请留意后续通知，感谢您的支持。");
      case ACCEPTED -> notice(application, "申请已受理", "您好，您的" + ref + "已受理，工作人员将尽快与您联系，请保持电话畅通。");
      case SURVEY ->
          notice(application, "现场勘查", "您好，您的" + ref + "已进入现场勘查环节，工作人员会提前与您约定上门时间，请保持电话畅通。");
      case APPROVED -> notice(application, "申请已审批", "您好，您的" + ref + "已审批通过，我们将尽快为您办理，请耐心等待。");
      case CONNECTED ->
          application.type().needsCapacity()
              ? notice(application, "已完成接电", "您好，您的" + ref + "已完成装表接电，感谢您的耐心等待。祝您用电愉快！")
              : notice(application, "申请已办结", "您好，您的" + ref + "已办理完成，感谢您的支持。");
      case REJECTED ->
          notice(
              application,
              "申请未通过",
              "您好，很抱歉，您的"
                  + ref
                  + "未能通过，原因："
                  + application.rejectReason()
                  + "。如有疑问，请拨打95598供电服务热线咨询。");
    };
  }

  /** {@code application:<no>:<STATE>}. */
  static String key(Application application) {
    return "application:" + application.no() + ":" + application.state();
  }

  private static Notice notice(Application application, String title, String text) {
    return new Notice(
        "progress",
        key(application),
        title,
        text,
        false,
        Map.of(
            "applicationNo", application.no().value(),
            "type", application.type().name(),
            "state", application.state().name()));
  }
}
