package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A ticket row without its photos. */
record TicketRow(
    long id,
    String ticketNo,
    ChannelUser reporter,
    AccountNo accountNo,
    BigDecimal latitude,
    BigDecimal longitude,
    String address,
    String areaCode,
    String description,
    String contactPhone,
    TicketState state,
    Instant expectedRestoration,
    int etaRevision,
    Long outageId,
    Instant reportedAt) {

  TicketNo no() {
    return new TicketNo(ticketNo);
  }

  Ticket withPhotos(List<String> photos) {
    return new Ticket(
        no(),
        reporter,
        accountNo,
        latitude == null ? null : new GeoPoint(latitude, longitude),
        address,
        new AreaCode(areaCode),
        description,
        photos,
        new ContactPhone(contactPhone),
        state,
        expectedRestoration,
        outageId,
        reportedAt);
  }
}
