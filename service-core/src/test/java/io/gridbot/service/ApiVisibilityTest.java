package io.gridbot.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Service;

/** Implementations and mappers stay inside their feature package; only the API is public. */
class ApiVisibilityTest {

  @Test
  void services_and_mappers_are_package_private() throws Exception {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false) {
          @Override
          protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return definition.getMetadata().isIndependent();
          }
        };
    scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
    scanner.addIncludeFilter(new AnnotationTypeFilter(Mapper.class));

    List<Class<?>> implementations =
        scanner.findCandidateComponents("io.gridbot.service").stream()
            .<Class<?>>map(definition -> load(definition.getBeanClassName()))
            .toList();

    assertThat(implementations)
        .extracting(Class::getSimpleName)
        .contains(
            "DefaultAccountService",
            "DefaultBindingService",
            "DefaultBillService",
            "DefaultConversationLogService",
            "AccountMapper",
            "BindingMapper",
            "BillMapper",
            "ConversationLogMapper");
    assertThat(implementations).noneMatch(type -> Modifier.isPublic(type.getModifiers()));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
