package io.gridbot.service.outage;

import io.gridbot.service.notification.NotificationPublisher;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * The outage and repair services need a {@link NotificationPublisher}, which the notification area
 * provides. Where a test context has none (this branch before that area is merged), this registers
 * a {@link RecordingPublisher} so that every other Spring test of service-core still starts. It
 * does nothing once a real publisher (or a test's recording one) is defined. Found by the component
 * scan of {@code io.gridbot.service}, which covers test classes too.
 */
@Component
class PublisherFallbackForTests implements BeanDefinitionRegistryPostProcessor {

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (registry instanceof ConfigurableListableBeanFactory beans
        && beans.getBeanNamesForType(NotificationPublisher.class, true, false).length == 0) {
      registry.registerBeanDefinition(
          "fallbackNotificationPublisher", new RootBeanDefinition(RecordingPublisher.class));
    }
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
