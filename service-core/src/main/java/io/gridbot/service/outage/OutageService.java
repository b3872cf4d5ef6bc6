package io.gridbot.service.outage;

import io.gridbot.service.account.AccountNo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Planned and unplanned outages, their announcements and the accounts they affect. Every change is
 * kept as an event; customers of the outage's areas are told through the {@code
 * NotificationPublisher} ({@code toArea}, kind {@code outage}) once per area prefix, with the keys
 * {@code outage:<id>:published}, {@code outage:<id>:eta:<n>}, {@code outage:<id>:restored} and
 * {@code outage:<id>:cancelled}. See {@link OutageState} for the state machine.
 */
public interface OutageService {

  /** Enters a planned outage as {@link OutageState#SCHEDULED}; nobody is told yet. */
  Outage schedulePlanned(PlannedOutage plan, StaffId by);

  /**
   * Announces a scheduled outage to every area it covers.
   *
   * @throws OutageNotFound if there is no such outage
   * @throws OutageTransitionNotAllowed if it is not {@link OutageState#SCHEDULED}
   */
  Outage publish(long outageId, StaffId by);

  /**
   * Opens an unplanned outage (a fault staff know of) as {@link OutageState#ACTIVE} from now and
   * tells its areas.
   *
   * @param areas 1 to 50 area-code prefixes, no duplicates
   * @param reason in Chinese as customers read it, 1 to 500 characters
   * @param expectedEnd the estimate, or null if there is none yet; must be in the future
   * @throws IllegalArgumentException if an argument breaks these rules
   */
  Outage openUnplanned(List<AreaCode> areas, String reason, Instant expectedEnd, StaffId by);

  /**
   * Opens an unplanned outage for one area from a cluster of fault reports, actor {@code system},
   * and tells the area. For the repair area's cluster detection, which serialises the reports of an
   * area: at most one detected outage per area may be active (a unique key enforces it).
   *
   * @param reports how many reports made up the cluster (for the record)
   */
  Outage openDetectedFault(AreaCode area, int reports);

  /**
   * Marks an announced planned outage as started; nobody is told (they were told when it was
   * announced).
   *
   * @throws OutageNotFound if there is no such outage
   * @throws OutageTransitionNotAllowed if it is not {@link OutageState#ANNOUNCED}
   */
  Outage start(long outageId, StaffId by);

  /**
   * Changes the estimate of when the power comes back and tells the areas.
   *
   * @param expectedEnd the new estimate; must be in the future
   * @throws OutageNotFound if there is no such outage
   * @throws OutageTransitionNotAllowed if the outage is neither announced nor active (the exception
   *     names the state as both from and to)
   */
  Outage updateEstimate(long outageId, Instant expectedEnd, StaffId by);

  /**
   * The power is back: marks the outage {@link OutageState#RESTORED}, publishes {@link
   * OutageRestored} in the same transaction (the repair area resolves the tickets linked to the
   * outage) and tells the areas. Restoring twice is refused and changes nothing.
   *
   * @throws OutageNotFound if there is no such outage
   * @throws OutageTransitionNotAllowed if it is not announced or active
   */
  Outage restore(long outageId, StaffId by);

  /**
   * Calls off a planned outage; if it was announced, the areas are told.
   *
   * @param note why, for the history; may be null
   * @throws OutageNotFound if there is no such outage
   * @throws OutageTransitionNotAllowed if it is neither scheduled nor announced
   */
  Outage cancel(long outageId, StaffId by, String note);

  /** The outage with this id. */
  Optional<Outage> find(long outageId);

  /**
   * The outage that covers {@code area} at {@code at}: an active one, or an announced one whose
   * window (start to expected end) contains {@code at}. If several do, the one that started last.
   */
  Optional<Outage> covering(AreaCode area, Instant at);

  /** Outages that are announced or active, newest start first. */
  List<Outage> current();

  /**
   * How many active accounts the outage affects: those whose area code starts with one of its
   * areas.
   *
   * @throws OutageNotFound if there is no such outage
   */
  long affectedAccountCount(long outageId);

  /**
   * The affected accounts (see {@link #affectedAccountCount}), ordered by account number.
   *
   * @param offset how many to skip, 0 or more
   * @param limit how many at most, 1 to 1000
   * @throws OutageNotFound if there is no such outage
   * @throws IllegalArgumentException if offset or limit is out of range
   */
  List<AccountNo> affectedAccounts(long outageId, int offset, int limit);
}
