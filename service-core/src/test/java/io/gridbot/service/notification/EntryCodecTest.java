package io.gridbot.service.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.ChannelUser;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryCodecTest {

  @Test
  void any_text_survives_the_round_trip() {
    QueueEntry entry =
        new QueueEntry(
            new ChannelUser("wechat", "oAb+c/d=e&f"),
            new Notice(
                "outage",
                "outage:42:published",
                "停电通知",
                "因线路检修，11月28日 8:00-12:00 停电。\n请提前做好准备 & 谢谢 = 😀 100%",
                true,
                Map.of("area", "CN-330106-017", "时间", "8:00&12:00")),
            Instant.parse("2026-11-27T01:02:03.456Z"));

    QueueEntry decoded = EntryCodec.decode(EntryCodec.encode(entry));

    assertThat(decoded).isEqualTo(entry);
  }

  @Test
  void garbage_is_rejected() {
    assertThatThrownBy(() -> EntryCodec.decode(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryCodec.decode("hello"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryCodec.decode("v1&ch=wechat"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_notice_alone_survives_the_round_trip_and_is_not_taken_for_an_entry() {
    Notice notice =
        new Notice(
            "progress",
            "ticket:R1:DISPATCHED",
            "抢修进度",
            "抢修人员已出发 & 预计 = 14:00 恢复",
            false,
            Map.of("ticket", "R1"));

    String encoded = EntryCodec.encodeNotice(notice);

    assertThat(EntryCodec.decodeNotice(encoded)).isEqualTo(notice);
    assertThatThrownBy(() -> EntryCodec.decode(encoded))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryCodec.decodeNotice("n1&kind=progress"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EntryCodec.decodeNotice("n1&kind=nonsense&key=k&title=t&text=x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
