package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import java.util.List;

/** Fault reports for tests: plausible defaults, only what matters is stated. */
final class Reports {

  private Reports() {}

  static FaultReport forAccount(ChannelUser reporter, AccountNo accountNo) {
    return new FaultReport(
        reporter,
        accountNo,
        null,
        null,
        null,
        "家里突然停电了，邻居家也没电",
        List.of(),
        new ContactPhone("13800005678"));
  }

  static FaultReport inArea(ChannelUser reporter, String area) {
    return new FaultReport(
        reporter,
        null,
        new AreaCode(area),
        null,
        "幸福小区3栋",
        "整栋楼都停电了",
        List.of("media-1"),
        new ContactPhone("138-0000-5678"));
  }
}
