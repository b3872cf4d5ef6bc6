package io.gridbot.app.staff;

import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.Outage;
import io.gridbot.service.outage.OutageNotFound;
import io.gridbot.service.outage.OutageService;
import io.gridbot.service.outage.PlannedOutage;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
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

  /** Areas per outage, as service-core's outages allow. */
  static final int MAX_AREAS = 50;

  /** Characters of a reason, as service-core's outages allow. */
  static final int MAX_REASON = 500;

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
    List<AreaCode> areas = areas(request.areas());
    String reason = Fields.text("reason", request.reason(), MAX_REASON);
    if (request.startsAt() == null) {
      Instant expectedEnd = Fields.futureOrNull("endsAt", request.endsAt());
      return OutageView.of(
          outages.openUnplanned(areas, reason, expectedEnd, RepairStaffController.staffId(staff)));
    }
    Instant endsAt = Fields.required("endsAt", request.endsAt());
    if (!endsAt.isAfter(request.startsAt())) {
      throw new InvalidField("endsAt", "must be after startsAt");
    }
    return OutageView.of(
        outages.schedulePlanned(
            new PlannedOutage(areas, request.startsAt(), endsAt, reason),
            RepairStaffController.staffId(staff)));
  }

  /** 1 to {@value #MAX_AREAS} distinct area codes; a bad one is named by its index. */
  private static List<AreaCode> areas(List<String> values) {
    if (values == null || values.isEmpty() || values.size() > MAX_AREAS) {
      throw new InvalidField("areas", "must list 1 to " + MAX_AREAS + " area codes");
    }
    List<AreaCode> areas = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      AreaCode area = Fields.areaCode(values.get(i), "areas[" + i + "]");
      if (areas.contains(area)) {
        throw new InvalidField("areas[" + i + "]", "repeats an earlier area");
      }
      areas.add(area);
    }
    return areas;
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
    Instant expectedEnd =
        Fields.futureOrNull("expectedEnd", Fields.required("expectedEnd", estimate.expectedEnd()));
    return OutageView.of(
        outages.updateEstimate(id, expectedEnd, RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/restore")
  OutageView restore(@PathVariable long id, Principal staff) {
    return OutageView.of(outages.restore(id, RepairStaffController.staffId(staff)));
  }

  @PostMapping("/{id}/cancel")
  OutageView cancel(@PathVariable long id, @RequestBody Note note, Principal staff) {
    String text = Fields.optionalText("note", note.note(), Fields.MAX_NOTE);
    return OutageView.of(outages.cancel(id, RepairStaffController.staffId(staff), text));
  }
}
