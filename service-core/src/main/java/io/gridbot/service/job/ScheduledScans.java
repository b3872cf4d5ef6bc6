package io.gridbot.service.job;

import io.gridbot.service.notification.NotificationSettings;
import java.util.TimeZone;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the {@link NoticeScans} on the crons of {@code gridbot.notifications.jobs.*}, in China time,
 * when {@code gridbot.notifications.jobs.enabled=true} (off by default, so tests and publish-only
 * instances never scan). Every instance may enable it: the job lock lets one run.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    prefix = "gridbot.notifications.jobs",
    name = "enabled",
    havingValue = "true")
class ScheduledScans implements SchedulingConfigurer {

  private static final TimeZone CHINA = TimeZone.getTimeZone("Asia/Shanghai");

  private final NoticeScans scans;
  private final NotificationSettings settings;

  ScheduledScans(NoticeScans scans, NotificationSettings settings) {
    this.scans = scans;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    NotificationSettings.Jobs jobs = settings.jobs();
    registrar.addCronTask(
        new CronTask(scans::lowBalance, new CronTrigger(jobs.lowBalance(), CHINA)));
    registrar.addCronTask(new CronTask(scans::arrears, new CronTrigger(jobs.arrears(), CHINA)));
    registrar.addCronTask(
        new CronTask(scans::monthlyBills, new CronTrigger(jobs.monthlyBill(), CHINA)));
  }
}
