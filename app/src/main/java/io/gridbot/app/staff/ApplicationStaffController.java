package io.gridbot.app.staff;

import io.gridbot.service.application.Application;
import io.gridbot.service.application.ApplicationEvent;
import io.gridbot.service.application.ApplicationNo;
import io.gridbot.service.application.ApplicationNotFound;
import io.gridbot.service.application.ApplicationService;
import io.gridbot.service.application.ApplicationState;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff move applications (业扩报装, 更名/过户/销户) through their steps; each step notifies. */
@RestController
@RequestMapping("/api/staff/applications")
class ApplicationStaffController {

  private final ApplicationService applications;

  ApplicationStaffController(ApplicationService applications) {
    this.applications = applications;
  }

  record Rejection(String reason) {}

  @GetMapping("/{no}")
  Application application(@PathVariable String no) {
    ApplicationNo applicationNo = Fields.applicationNo(no, "no");
    return applications
        .find(applicationNo)
        .orElseThrow(() -> new ApplicationNotFound(applicationNo));
  }

  @GetMapping("/{no}/events")
  List<ApplicationEvent> events(@PathVariable String no) {
    return applications.history(Fields.applicationNo(no, "no"));
  }

  @PostMapping("/{no}/accept")
  Application accept(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return advance(no, ApplicationState.ACCEPTED, note);
  }

  @PostMapping("/{no}/survey")
  Application survey(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return advance(no, ApplicationState.SURVEY, note);
  }

  @PostMapping("/{no}/approve")
  Application approve(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return advance(no, ApplicationState.APPROVED, note);
  }

  @PostMapping("/{no}/connect")
  Application connect(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return advance(no, ApplicationState.CONNECTED, note);
  }

  @PostMapping("/{no}/reject")
  Application reject(@PathVariable String no, @RequestBody Rejection rejection) {
    ApplicationNo applicationNo = Fields.applicationNo(no, "no");
    String reason = Fields.text("reason", rejection.reason(), Fields.MAX_NOTE);
    return applications.reject(applicationNo, reason);
  }

  private Application advance(String no, ApplicationState to, StepNote note) {
    ApplicationNo applicationNo = Fields.applicationNo(no, "no");
    String text = note == null ? null : Fields.optionalText("note", note.note(), Fields.MAX_NOTE);
    return applications.advance(applicationNo, to, text);
  }

  /** An optional staff note for a step, kept in the application's history. */
  record StepNote(String note) {}
}
