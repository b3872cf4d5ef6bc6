package io.gridbot.service.application;

import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import java.util.List;
import java.util.Optional;

/**
 * Applications for connection and account changes (业扩报装); see {@link ApplicationState} for the
 * steps allowed. Every step is kept as an {@link ApplicationEvent} and told to the applicant
 * through the {@code NotificationPublisher} (a {@code progress} notice keyed {@code
 * application:<no>:<STATE>}). Steps are staff actions. A failed call changes nothing.
 */
public interface ApplicationService {

  /**
   * Submits an application; it is SUBMITTED.
   *
   * @throws AccountNotFound if an account is named that does not exist or is closed
   */
  Application submit(ApplicationRequest request);

  /** The application with this number, if any. */
  Optional<Application> find(ApplicationNo no);

  /** The applicant's latest 50 applications, newest first. */
  List<Application> applicationsOf(ChannelUser applicant);

  /**
   * The application's steps, oldest first, starting with SUBMITTED.
   *
   * @throws ApplicationNotFound if there is no such application
   */
  List<ApplicationEvent> history(ApplicationNo no);

  /**
   * Moves the application one step on, as staff do from the console: to {@code ACCEPTED}, {@code
   * SURVEY}, {@code APPROVED} or {@code CONNECTED}, with a note kept in its history (not shown to
   * the applicant). The applicant is notified as by {@link #accept} and the others.
   *
   * @param note what staff want on record, at most 500 characters; null or blank for none
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition if the application cannot move to {@code to}
   * @throws IllegalArgumentException if {@code to} is SUBMITTED or REJECTED (use {@link #reject}),
   *     or the note is too long
   */
  Application advance(ApplicationNo no, ApplicationState to, String note);

  /**
   * SUBMITTED → ACCEPTED.
   *
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition if it is not SUBMITTED
   */
  Application accept(ApplicationNo no);

  /**
   * ACCEPTED → SURVEY.
   *
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition if it is not ACCEPTED
   */
  Application startSurvey(ApplicationNo no);

  /**
   * SURVEY → APPROVED; ACCEPTED → APPROVED for RENAME, TRANSFER and CLOSE_ACCOUNT.
   *
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition otherwise
   */
  Application approve(ApplicationNo no);

  /**
   * APPROVED → CONNECTED (completed).
   *
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition if it is not APPROVED
   */
  Application connect(ApplicationNo no);

  /**
   * Any open state → REJECTED. The reason is shown to the applicant, so write it in Chinese.
   *
   * @param reason 1 to 500 characters after trimming
   * @throws IllegalArgumentException if the reason is blank or too long
   * @throws ApplicationNotFound if there is no such application
   * @throws IllegalApplicationTransition if it is CONNECTED or REJECTED already
   */
  Application reject(ApplicationNo no, String reason);
}
