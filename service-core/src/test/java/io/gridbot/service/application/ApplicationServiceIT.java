package io.gridbot.service.application;

import static io.gridbot.service.TestData.anAccount;
import static io.gridbot.service.TestData.newAccountNo;
import static io.gridbot.service.TestData.newWechatUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.account.AccountNotFound;
import io.gridbot.service.account.ChannelUser;
import io.gridbot.service.appointment.RecordingNotifications;
import io.gridbot.service.appointment.RecordingNotifications.Recorder;
import io.gridbot.service.notification.Notice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Not transactional: every call commits, as in the application. Data is unique per test. */
@SpringBootTest
@ActiveProfiles("it")
@Import(RecordingNotifications.class)
class ApplicationServiceIT {

  @Autowired ApplicationService applicationService;
  @Autowired Recorder notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired io.gridbot.service.points.PointsService points;
  @Autowired io.gridbot.service.points.PointsSettings pointsSettings;
  @Autowired io.gridbot.service.tag.TagService tags;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void a_charging_point_applied_for_online_earns_points_once_and_once_connected_tags_the_account() {
    // given
    ChannelUser user = newWechatUser();
    AccountNo account = anAccount().insert(jdbc).accountNo();
    ApplicationRequest request =
        new ApplicationRequest(
            ApplicationType.EV_CHARGER,
            user,
            "张伟",
            "123x",
            "13800005678",
            "幸福小区地下车库B2-018",
            account,
            new BigDecimal("7"),
            List.of("media-id-1"));

    // when
    Application submitted = applicationService.submit(request);

    // then the online service earned its points, after the commit
    assertThat(points.balance(account)).isEqualTo(pointsSettings.onlineServicePoints());
    assertThat(tags.recompute(account))
        .doesNotContain(io.gridbot.service.tag.CustomerTag.EV_CHARGER);

    // when the charging point is connected
    applicationService.accept(submitted.no());
    applicationService.startSurvey(submitted.no());
    applicationService.approve(submitted.no());
    applicationService.connect(submitted.no());

    // then the account is known to charge an electric vehicle (for the valley-tariff tip)
    assertThat(tags.recompute(account)).contains(io.gridbot.service.tag.CustomerTag.EV_CHARGER);
    assertThat(points.balance(account)).isEqualTo(pointsSettings.onlineServicePoints());
  }

  private static ApplicationRequest evCharger(ChannelUser user) {
    return new ApplicationRequest(
        ApplicationType.EV_CHARGER,
        user,
        "张伟",
        "123x",
        "13800005678",
        "幸福小区地下车库B2-018",
        null,
        new BigDecimal("7"),
        List.of("media-id-1", "media-id-2"));
  }

  private static ApplicationRequest rename(ChannelUser user, AccountNo account) {
    return new ApplicationRequest(
        ApplicationType.RENAME,
        user,
        "李秀英",
        "0021",
        "13900001234",
        "翠苑一区12幢3单元201",
        account,
        null,
        null);
  }

  @Test
  void staff_move_an_application_on_with_a_note_kept_in_its_history() {
    // given
    Application submitted = applicationService.submit(evCharger(newWechatUser()));

    // when
    Application accepted =
        applicationService.advance(submitted.no(), ApplicationState.ACCEPTED, "  资料齐全，已派勘察员  ");
    applicationService.advance(submitted.no(), ApplicationState.SURVEY, " ");

    // then
    assertThat(accepted.state()).isEqualTo(ApplicationState.ACCEPTED);
    assertThat(applicationService.history(submitted.no()))
        .extracting(ApplicationEvent::state, ApplicationEvent::note)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ApplicationState.SUBMITTED, null),
            org.assertj.core.groups.Tuple.tuple(ApplicationState.ACCEPTED, "资料齐全，已派勘察员"),
            org.assertj.core.groups.Tuple.tuple(ApplicationState.SURVEY, null));
    assertThatThrownBy(
            () -> applicationService.advance(submitted.no(), ApplicationState.REJECTED, "不行"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                applicationService.advance(
                    submitted.no(), ApplicationState.APPROVED, "长".repeat(501)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> applicationService.advance(submitted.no(), ApplicationState.CONNECTED, null))
        .isInstanceOf(IllegalApplicationTransition.class);
    assertThat(applicationService.find(submitted.no()).orElseThrow().state())
        .isEqualTo(ApplicationState.SURVEY);
  }

  @Test
  void a_connection_goes_through_every_step_and_each_is_kept_and_told() {
    // given
    ChannelUser user = newWechatUser();

    // when
    Application submitted = applicationService.submit(evCharger(user));
    applicationService.accept(submitted.no());
    applicationService.startSurvey(submitted.no());
    applicationService.approve(submitted.no());
    Application connected = applicationService.connect(submitted.no());

    // then
    assertThat(submitted.state()).isEqualTo(ApplicationState.SUBMITTED);
    assertThat(connected.state()).isEqualTo(ApplicationState.CONNECTED);
    assertThat(connected.requestedKw()).isEqualTo(new BigDecimal("7.00"));
    assertThat(connected.idLast4()).isEqualTo("123X");
    assertThat(connected.documents()).containsExactly("media-id-1", "media-id-2");
    assertThat(applicationService.history(submitted.no()))
        .extracting(ApplicationEvent::state)
        .containsExactly(
            ApplicationState.SUBMITTED,
            ApplicationState.ACCEPTED,
            ApplicationState.SURVEY,
            ApplicationState.APPROVED,
            ApplicationState.CONNECTED);
    String prefix = "application:" + submitted.no() + ":";
    assertThat(notifications.to(user))
        .extracting(Notice::key)
        .containsExactly(
            prefix + "SUBMITTED",
            prefix + "ACCEPTED",
            prefix + "SURVEY",
            prefix + "APPROVED",
            prefix + "CONNECTED");
    assertThat(notifications.to(user)).allMatch(n -> n.kind().equals("progress"));
    assertThat(notifications.to(user).get(4).text()).contains("充电桩", "接电", "您好");
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT applicant_name, id_last4, requested_kw FROM application WHERE application_no = ?",
            submitted.no().value());
    assertThat(row.get("applicant_name")).isEqualTo("张伟");
    assertThat(row.get("id_last4")).isEqualTo("123X");
    assertThat(applicationService.find(submitted.no())).contains(connected);
    assertThat(applicationService.applicationsOf(user)).containsExactly(connected);
  }

  @Test
  void a_connection_cannot_skip_the_survey_but_an_account_change_can() {
    // given
    AccountNo account = anAccount().insert(jdbc).accountNo();
    Application connection = applicationService.submit(evCharger(newWechatUser()));
    Application change = applicationService.submit(rename(newWechatUser(), account));
    applicationService.accept(connection.no());
    applicationService.accept(change.no());

    // then
    assertThatThrownBy(() -> applicationService.approve(connection.no()))
        .isInstanceOf(IllegalApplicationTransition.class)
        .hasMessageContaining("ACCEPTED to APPROVED")
        .satisfies(
            e -> {
              IllegalApplicationTransition t = (IllegalApplicationTransition) e;
              assertThat(t.from()).isEqualTo(ApplicationState.ACCEPTED);
              assertThat(t.to()).isEqualTo(ApplicationState.APPROVED);
              assertThat(t.code()).isEqualTo("application.illegal-transition");
            });
    assertThat(applicationService.approve(change.no()).state())
        .isEqualTo(ApplicationState.APPROVED);
    assertThat(applicationService.connect(change.no()).account()).isEqualTo(account);
    assertThat(applicationService.find(connection.no()).orElseThrow().state())
        .isEqualTo(ApplicationState.ACCEPTED);
  }

  @Test
  void rejection_needs_a_reason_is_told_and_is_final() {
    // given
    ChannelUser user = newWechatUser();
    Application application = applicationService.submit(evCharger(user));
    applicationService.accept(application.no());

    // then
    assertThatThrownBy(() -> applicationService.reject(application.no(), "  "))
        .isInstanceOf(IllegalArgumentException.class);

    // when
    Application rejected = applicationService.reject(application.no(), "车位产权证明材料不全");

    // then
    assertThat(rejected.state()).isEqualTo(ApplicationState.REJECTED);
    assertThat(rejected.rejectReason()).isEqualTo("车位产权证明材料不全");
    assertThat(applicationService.history(application.no()))
        .last()
        .isEqualTo(
            new ApplicationEvent(
                ApplicationState.REJECTED,
                "车位产权证明材料不全",
                applicationService.history(application.no()).get(2).at()));
    Notice told = notifications.to(user).get(2);
    assertThat(told.key()).isEqualTo("application:" + application.no() + ":REJECTED");
    assertThat(told.text()).contains("很抱歉", "车位产权证明材料不全", "95598");
    assertThatThrownBy(() -> applicationService.reject(application.no(), "再次驳回"))
        .isInstanceOf(IllegalApplicationTransition.class)
        .hasMessageContaining("REJECTED to REJECTED");
    assertThatThrownBy(() -> applicationService.startSurvey(application.no()))
        .isInstanceOf(IllegalApplicationTransition.class);
    assertThat(applicationService.history(application.no())).hasSize(3);
  }

  @Test
  void illegal_steps_change_nothing() {
    // given
    ChannelUser user = newWechatUser();
    Application application = applicationService.submit(evCharger(user));

    // then
    assertThatThrownBy(() -> applicationService.startSurvey(application.no()))
        .isInstanceOf(IllegalApplicationTransition.class)
        .hasMessageContaining("SUBMITTED to SURVEY");
    assertThatThrownBy(() -> applicationService.connect(application.no()))
        .isInstanceOf(IllegalApplicationTransition.class);
    assertThat(applicationService.find(application.no()).orElseThrow().state())
        .isEqualTo(ApplicationState.SUBMITTED);
    assertThat(applicationService.history(application.no())).hasSize(1);
    assertThat(notifications.to(user)).hasSize(1);
  }

  @Test
  void concurrent_acceptances_accept_once() throws Exception {
    // given
    Application application = applicationService.submit(evCharger(newWechatUser()));
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Application>> attempts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      attempts.add(
          pool.submit(
              () -> {
                start.await();
                return applicationService.accept(application.no());
              }));
    }

    // when
    start.countDown();
    int accepted = 0;
    for (Future<Application> attempt : attempts) {
      try {
        attempt.get(30, TimeUnit.SECONDS);
        accepted++;
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(IllegalApplicationTransition.class);
      }
    }

    // then
    assertThat(accepted).isEqualTo(1);
    assertThat(applicationService.history(application.no()))
        .extracting(ApplicationEvent::state)
        .containsExactly(ApplicationState.SUBMITTED, ApplicationState.ACCEPTED);
  }

  @Test
  void unknown_applications_and_accounts_are_not_found() {
    ApplicationNo unknown = new ApplicationNo("A2026010100000000");
    ChannelUser user = newWechatUser();

    assertThatThrownBy(() -> applicationService.accept(unknown))
        .isInstanceOf(ApplicationNotFound.class)
        .satisfies(
            e -> assertThat(((ApplicationNotFound) e).code()).isEqualTo("application.not-found"));
    assertThatThrownBy(() -> applicationService.history(unknown))
        .isInstanceOf(ApplicationNotFound.class);
    assertThat(applicationService.find(unknown)).isEmpty();
    assertThatThrownBy(() -> applicationService.submit(rename(user, newAccountNo())))
        .isInstanceOf(AccountNotFound.class);
    assertThat(applicationService.applicationsOf(user)).isEmpty();
    assertThat(notifications.to(user)).isEmpty();
  }
}
