package io.gridbot.app.staff;

import io.gridbot.service.outage.StaffId;
import io.gridbot.service.repair.RepairService;
import io.gridbot.service.repair.Ticket;
import io.gridbot.service.repair.TicketEvent;
import io.gridbot.service.repair.TicketNo;
import io.gridbot.service.repair.TicketNotFound;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff work on repair tickets: list, read, dispatch, arrive, resolve, cancel, re-estimate. */
@RestController
@RequestMapping("/api/staff/tickets")
class RepairStaffController {

  private final RepairService repairs;

  RepairStaffController(RepairService repairs) {
    this.repairs = repairs;
  }

  record TicketView(
      String ticketNo,
      String state,
      String accountNo,
      String area,
      String address,
      String description,
      List<String> photos,
      String contactPhone,
      Instant expectedRestoration,
      Long outageId,
      Instant reportedAt) {
    static TicketView of(Ticket t) {
      return new TicketView(
          t.ticketNo().toString(),
          t.state().name(),
          t.accountNo() == null ? null : t.accountNo().value(),
          t.area() == null ? null : t.area().value(),
          t.address(),
          t.description(),
          t.photos(),
          t.contactPhone() == null ? null : t.contactPhone().value(),
          t.expectedRestoration(),
          t.outageId(),
          t.reportedAt());
    }
  }

  /**
   * A staff action on a ticket.
   *
   * @param note what was done or why (optional)
   * @param expectedRestoration when power should be back (dispatch and re-estimate)
   */
  record Action(String note, Instant expectedRestoration) {}

  @GetMapping
  List<TicketView> openInArea(
      @RequestParam String area, @RequestParam(defaultValue = "50") int limit) {
    return repairs
        .openInArea(Fields.areaCode(area, "area"), Math.min(Math.max(limit, 1), 500))
        .stream()
        .map(TicketView::of)
        .toList();
  }

  @GetMapping("/{no}")
  TicketView ticket(@PathVariable String no) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    return repairs
        .find(ticketNo)
        .map(TicketView::of)
        .orElseThrow(() -> new TicketNotFound(ticketNo));
  }

  @GetMapping("/{no}/events")
  List<TicketEvent> events(@PathVariable String no) {
    return repairs.history(Fields.ticketNo(no, "no"));
  }

  @PostMapping("/{no}/dispatch")
  TicketView dispatch(@PathVariable String no, @RequestBody Action action, Principal staff) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    Instant expected = Fields.futureOrNull("expectedRestoration", action.expectedRestoration());
    return TicketView.of(repairs.dispatch(ticketNo, staffId(staff), expected, note(action)));
  }

  @PostMapping("/{no}/on-site")
  TicketView onSite(@PathVariable String no, @RequestBody Action action, Principal staff) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    return TicketView.of(repairs.arriveOnSite(ticketNo, staffId(staff), note(action)));
  }

  @PostMapping("/{no}/resolve")
  TicketView resolve(@PathVariable String no, @RequestBody Action action, Principal staff) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    return TicketView.of(repairs.resolve(ticketNo, staffId(staff), note(action)));
  }

  @PostMapping("/{no}/cancel")
  TicketView cancel(@PathVariable String no, @RequestBody Action action, Principal staff) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    return TicketView.of(repairs.cancel(ticketNo, staffId(staff), note(action)));
  }

  @PostMapping("/{no}/estimate")
  TicketView estimate(@PathVariable String no, @RequestBody Action action, Principal staff) {
    TicketNo ticketNo = Fields.ticketNo(no, "no");
    Instant expected =
        Fields.futureOrNull(
            "expectedRestoration",
            Fields.required("expectedRestoration", action.expectedRestoration()));
    return TicketView.of(repairs.updateExpectedRestoration(ticketNo, expected, staffId(staff)));
  }

  private static String note(Action action) {
    return Fields.optionalText("note", action.note(), Fields.MAX_NOTE);
  }

  static StaffId staffId(Principal principal) {
    return new StaffId(principal.getName());
  }
}
