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
    ApplicationNo applicationNo = new ApplicationNo(no);
    return applications
        .find(applicationNo)
        .orElseThrow(() -> new ApplicationNotFound(applicationNo));
  }

  @GetMapping("/{no}/events")
  List<ApplicationEvent> events(@PathVariable String no) {
    return applications.history(new ApplicationNo(no));
  }

  @PostMapping("/{no}/accept")
  Application accept(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return applications.advance(
        new ApplicationNo(no), ApplicationState.ACCEPTED, note == null ? null : note.note());
  }

  @PostMapping("/{no}/survey")
  Application survey(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return applications.advance(
        new ApplicationNo(no), ApplicationState.SURVEY, note == null ? null : note.note());
  }

  @PostMapping("/{no}/approve")
  Application approve(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return applications.advance(
        new ApplicationNo(no), ApplicationState.APPROVED, note == null ? null : note.note());
  }

  @PostMapping("/{no}/connect")
  Application connect(@PathVariable String no, @RequestBody(required = false) StepNote note) {
    return applications.advance(
        new ApplicationNo(no), ApplicationState.CONNECTED, note == null ? null : note.note());
  }

  @PostMapping("/{no}/reject")
  Application reject(@PathVariable String no, @RequestBody Rejection rejection) {
    if (rejection.reason() == null || rejection.reason().isBlank()) {
      throw new IllegalArgumentException("reason is required");
    }
    return applications.reject(new ApplicationNo(no), rejection.reason());
  }

  /** An optional staff note for a step, kept in the application's history. */
  record StepNote(String note) {}
}
