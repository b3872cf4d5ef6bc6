package io.gridbot.app.staff;

import io.gridbot.service.account.AccountNo;
import io.gridbot.service.application.ApplicationNo;
import io.gridbot.service.appointment.BookingNo;
import io.gridbot.service.outage.AreaCode;
import io.gridbot.service.outage.StaffId;
import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.repair.TicketNo;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/** The business's identifiers appear in JSON as their plain string value. */
@Configuration(proxyBeanMethods = false)
class StaffJson {

  @Bean
  JacksonModule identifiersAsStrings() {
    SimpleModule module = new SimpleModule("gridbot-identifiers");
    for (Class<?> type :
        new Class<?>[] {
          AccountNo.class,
          BookingNo.class,
          ApplicationNo.class,
          OutTradeNo.class,
          TicketNo.class,
          AreaCode.class,
          StaffId.class
        }) {
      module.addSerializer(type, ToStringSerializer.instance);
    }
    return module;
  }
}
