package io.gridbot.service.repair;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.outage.AreaCode;
import java.util.List;
import java.util.Objects;

/**
 * A customer's report of a power fault, as the dialog collected it. It must say where: an account,
 * a location or an address (any of them, more are better).
 *
 * @param reporter who reported it; told about every step
 * @param accountNo the account without power, or null; if given, its area is the ticket's area
 * @param area the area code when no account is given, or null: the service then finds the area from
 *     the location or the address (the {@code service_area} table) and refuses the report with
 *     {@link FaultAreaUnknown} when neither is in a known area; ignored when an account is given
 * @param location where, or null
 * @param address where, as the customer wrote it, or null; at most 255 characters, not blank
 * @param description what happened, 1 to 1000 characters, not blank
 * @param photos media references (uploaded image ids or URLs), at most 9, each 1 to 512 characters;
 *     null means none
 * @param contactPhone whom the crew calls
 * @throws IllegalArgumentException if a rule above is broken
 * @throws NullPointerException if reporter, description or contactPhone is null
 */
public record FaultReport(
    ChannelUser reporter,
    AccountNo accountNo,
    AreaCode area,
    GeoPoint location,
    String address,
    String description,
    List<String> photos,
    ContactPhone contactPhone) {

  static final int MAX_PHOTOS = 9;

  public FaultReport {
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(contactPhone, "contactPhone");
    if (accountNo == null && location == null && address == null) {
      throw new IllegalArgumentException(
          "a fault report needs an account, a location or an address");
    }
    if (address != null && (address.isBlank() || address.length() > 255)) {
      throw new IllegalArgumentException("address must be 1 to 255 characters and not blank");
    }
    if (description.isBlank() || description.length() > 1000) {
      throw new IllegalArgumentException("description must be 1 to 1000 characters and not blank");
    }
    photos = photos == null ? List.of() : List.copyOf(photos);
    if (photos.size() > MAX_PHOTOS) {
      throw new IllegalArgumentException("at most " + MAX_PHOTOS + " photos, got " + photos.size());
    }
    if (photos.stream().anyMatch(p -> p.isBlank() || p.length() > 512)) {
      throw new IllegalArgumentException("photo references must be 1 to 512 characters");
    }
  }
}
