package io.gridbot.channel.alipay;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code gridbot.alipay.app-id} has a value. An environment placeholder that resolves to
 * nothing (the embedded default) leaves the channel off.
 */
class AlipayConfigured implements Condition {

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return StringUtils.hasText(context.getEnvironment().getProperty("gridbot.alipay.app-id"));
  }
}
