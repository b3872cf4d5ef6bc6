package io.gridbot.service;

import io.gridbot.service.account.AccountNo;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.type.TypeHandler;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything service-core contributes to an application: its services and MyBatis mappers.
 *
 * <p>An application imports it ({@code @Import(ServiceCoreConfiguration.class)}) and provides a
 * {@code DataSource}; Spring Boot's Flyway auto-configuration then runs the migrations in {@code
 * classpath:db/migration} (Flyway's default location) and MyBatis's builds the {@code
 * SqlSessionFactory}. The demo data in {@code classpath:db/demo} is added to {@code
 * spring.flyway.locations} by the embedded default profile only. On MySQL/MariaDB the connection
 * must keep the session at UTC ({@code
 * connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true} with Connector/J): DATETIME columns
 * hold UTC.
 *
 * <p>No MyBatis property is needed: mapper XML files sit at the classpath path of their interfaces
 * and are found without {@code mybatis.mapper-locations}, and all SQL aliases its columns. The
 * {@link AccountNo} type handler is a bean, which MyBatis's auto-configuration registers.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackages = "io.gridbot.service",
    excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@MapperScan(basePackages = "io.gridbot.service", annotationClass = Mapper.class)
public class ServiceCoreConfiguration {

  @Bean
  TypeHandler<AccountNo> accountNoTypeHandler() {
    return new AccountNoTypeHandler();
  }
}
