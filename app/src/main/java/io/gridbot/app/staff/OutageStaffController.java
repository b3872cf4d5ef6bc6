package io.gridbot.app.staff;

import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageNotFound;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.PlannedOutage;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff work on outages: plan, publish (notifies the areas), start, re-estimate, restore (notifies
 * the areas and resolves the outage's open repair tickets, telling their reporters), cancel.
 */
@RestController
@RequestMapping("/api/staff/outages")
class OutageStaffController {

  private final OutageService outages;

  OutageStaffController(OutageService outages) {
    this.outages = outages;
  }

  /**
   * A planned outage, or an unplanned one when {@code startsAt} is missing.
   *
   * @param areas area-code prefixes, e.g. {@code CN-330106-017}
   * @param startsAt planned start (planned outages only)
   * @param endsAt planned or expected end
   * @param reason why, as customers will read it
   */
  record NewOutage(List<String> areas, Instant startsAt, Instant endsAt, String reason) {}

  record OutageView(
      long id,
      String kind,
      String state,
      List<String> areas,
      String reason,
      Instant startsAt,
      Instant expectedEnd,
      Instant restoredAt) {
    static OutageView of(Outage o) {
      return new OutageView(
          o.id(),
          o.kind().name(),
          o.state().name(),
          o.areas().stream().map(AreaCode::value).toList(),
          o.reason(),
          o.startsAt(),
          o.expectedEnd(),
          o.restoredAt());
    }
  }

  record Estimate(Instant expectedEnd) {}

  record Note(String note) {}

  @GetMapping
  List<OutageView> current() {
    return outages.current().stream().map(OutageView::of).toList();
  }

  @GetMapping("/{id}")
  OutageView outage(@PathVariable long id) {
    return outages.find(id).map(OutageView::of).orElseThrow(() -> new OutageNotFound(id));
  }

  @GetMapping("/{id}/affected-accounts")
  long affected(@PathVariable long id) {
    return outages.affectedAccountCount(id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  OutageView create(@RequestBody NewOutage request, Principal staff) {
    if (request.areas() == null || request.areas().isEmpty()) {
      throw new IllegalArgumentException("areas is required");
    }
    List<AreaCode> areas = request.areas().stream().map(AreaCode::new).toList();
    if (request.startsAt() == null) {
      return OutageView.of(
          outages.openUnplanned(
              areas, request.reason(), request.endsAt(), RepairStaffController.staffId(staff)));
    }
    return OutageView.of(
        outages.schedulePlanned(
            new PlannedOutage(areas, request.startsAt(), request.endsAt(), request.reason()),
            RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/publish")
  OutageView publish(@PathVariable long id, Principal staff) {
    return OutageView.of(outages.publish(id, RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/start")
  OutageView start(@PathVariable long id, Principal staff) {
    return OutageView.of(outages.start(id, RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/estimate")
  OutageView estimate(@PathVariable long id, @RequestBody Estimate estimate, Principal staff) {
    if (estimate.expectedEnd() == null) {
      throw new IllegalArgumentException("expectedEnd is required");
    }
    return OutageView.of(
        outages.updateEstimate(id, estimate.expectedEnd(), RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/restore")
  OutageView restore(@PathVariable long id, Principal staff) {
    return OutageView.of(outages.restore(id, RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/cancel")
  OutageView cancel(@PathVariable long id, @RequestBody Note note, Principal staff) {
    return OutageView.of(outages.cancel(id, RepairStaffController.staffId(staff), note.note()));
  }
}
