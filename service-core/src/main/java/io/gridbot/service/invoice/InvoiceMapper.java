package io.gridbot.service.invoice;

import io.gridbot.service.payment.OutTradeNo;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InvoiceMapper {

  void insert(@Param("invoice") Invoice invoice);

  Optional<Invoice> findByOutTradeNo(@Param("no") OutTradeNo no);

  Optional<Invoice> findByInvoiceNo(@Param("no") String invoiceNo);
}
