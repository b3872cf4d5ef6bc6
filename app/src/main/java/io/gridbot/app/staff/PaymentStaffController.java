package io.gridbot.app.staff;

import io.gridbot.service.payment.OutTradeNo;
import io.gridbot.service.payment.PaymentAmountOutOfRange;
import io.gridbot.service.payment.PaymentOrder;
import io.gridbot.service.payment.PaymentOrderNotFound;
import io.gridbot.service.payment.PaymentService;
import io.gridbot.service.payment.ReconciliationReport;
import io.gridbot.service.payment.ReconciliationService;
import io.gridbot.service.payment.Refund;
import io.gridbot.service.payment.RefundExceedsPayment;
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

  /** As the refunds table keeps it. */
  static final int MAX_REASON = 200;

  private final PaymentService payments;
  private final ReconciliationService reconciliation;

  PaymentStaffController(PaymentService payments, ReconciliationService reconciliation) {
    this.payments = payments;
    this.reconciliation = reconciliation;
  }

  record RefundRequest(BigDecimal amount, String reason) {}

  @GetMapping("/payments/{outTradeNo}")
  PaymentOrder order(@PathVariable String outTradeNo) {
    OutTradeNo no = Fields.outTradeNo(outTradeNo, "outTradeNo");
    return payments.find(no).orElseThrow(() -> new PaymentOrderNotFound(no));
  }

  @GetMapping("/payments/{outTradeNo}/refunds")
  List<Refund> refunds(@PathVariable String outTradeNo) {
    return payments.refunds(Fields.outTradeNo(outTradeNo, "outTradeNo"));
  }

  @PostMapping("/payments/{outTradeNo}/refunds")
  @ResponseStatus(HttpStatus.CREATED)
  Refund refund(
      @PathVariable String outTradeNo, @RequestBody RefundRequest request, Principal staff) {
    OutTradeNo no = Fields.outTradeNo(outTradeNo, "outTradeNo");
    BigDecimal amount = Fields.required("amount", request.amount());
    String reason = Fields.text("reason", request.reason(), MAX_REASON);
    try {
      return payments.refund(no, amount, reason, staff.getName());
    } catch (PaymentAmountOutOfRange | RefundExceedsPayment e) {
      throw new InvalidField("amount", e);
    }
  }

  @GetMapping("/reconciliation")
  ReconciliationReport reconciliation(@RequestParam LocalDate day) {
    return reconciliation.reconcile(day, Map.of());
  }
}
