package io.gridbot.app.staff;

import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentOrderNotFound;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.ReconciliationReport;
import io.gridbot.service.payment.ReconciliationService;
import io.gridbot.service.payment.Refund;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff look at payment orders, refund them, and read the daily reconciliation. */
@RestController
@RequestMapping("/api/staff")
class PaymentStaffController {

  private final PaymentService payments;
  private final ReconciliationService reconciliation;

  PaymentStaffController(PaymentService payments, ReconciliationService reconciliation) {
    this.payments = payments;
    this.reconciliation = reconciliation;
  }

  record RefundRequest(BigDecimal amount, String reason) {}

  @GetMapping("/payments/{outTradeNo}")
  PaymentOrder order(@PathVariable String outTradeNo) {
    OutTradeNo no = new OutTradeNo(outTradeNo);
    return payments.find(no).orElseThrow(() -> new PaymentOrderNotFound(no));
  }

  @GetMapping("/payments/{outTradeNo}/refunds")
  List<Refund> refunds(@PathVariable String outTradeNo) {
    return payments.refunds(new OutTradeNo(outTradeNo));
  }

  @PostMapping("/payments/{outTradeNo}/refunds")
  @ResponseStatus(HttpStatus.CREATED)
  Refund refund(
      @PathVariable String outTradeNo, @RequestBody RefundRequest request, Principal staff) {
    if (request.amount() == null || request.reason() == null || request.reason().isBlank()) {
      throw new IllegalArgumentException("amount and reason are required");
    }
    return payments.refund(
        new OutTradeNo(outTradeNo), request.amount(), request.reason(), staff.getName());
  }

  @GetMapping("/reconciliation")
  ReconciliationReport reconciliation(@RequestParam LocalDate day) {
    return reconciliation.reconcile(day, Map.of());
  }
}
