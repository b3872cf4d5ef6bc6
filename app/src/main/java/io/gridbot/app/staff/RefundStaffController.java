package io.gridbot.app.staff;

import io.gridbot.service.payment.PaymentChannel;
import io.gridbot.service.payment.RefundDispatch;
import io.gridbot.service.payment.RefundDispatchNotFound;
import io.gridbot.service.payment.RefundDispatchState;
import io.gridbot.service.payment.RefundDispatches;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff follow refunds on their way back through WeChat Pay and Alipay, and send again one that
 * failed after too many transient errors.
 */
@RestController
@RequestMapping("/api/staff/refunds")
class RefundStaffController {

  private static final int MAX_LIMIT = 500;

  private final RefundDispatches refunds;

  RefundStaffController(RefundDispatches refunds) {
    this.refunds = refunds;
  }

  /**
   * A page of refunds, newest first.
   *
   * @param next the {@code before} of the following page, null on the last one
   */
  record RefundPage(List<RefundDispatch> refunds, String next) {}

  @GetMapping
  RefundPage list(
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) String limit) {
    int size = limit(limit);
    if (before != null && refunds.find(before).isEmpty()) {
      throw new InvalidField("before", "must be the number of a listed refund");
    }
    List<RefundDispatch> page = refunds.list(state(state), channel(channel), before, size);
    String next = page.size() == size ? page.get(page.size() - 1).outRefundNo() : null;
    return new RefundPage(page, next);
  }

  @GetMapping("/{outRefundNo}")
  RefundDispatch refund(@PathVariable String outRefundNo) {
    return refunds.find(outRefundNo).orElseThrow(() -> new RefundDispatchNotFound(outRefundNo));
  }

  @PostMapping("/{outRefundNo}/retry")
  RefundDispatch retry(@PathVariable String outRefundNo, Principal staff) {
    return refunds.retry(outRefundNo, staff.getName());
  }

  private static RefundDispatchState state(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return RefundDispatchState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidField(
          "state", "must be one of " + Arrays.toString(RefundDispatchState.values()));
    }
  }

  private static PaymentChannel channel(String channel) {
    if (channel == null || channel.isBlank()) {
      return null;
    }
    return switch (channel.strip().toLowerCase(Locale.ROOT)) {
      case "wechat" -> PaymentChannel.WECHAT;
      case "alipay" -> PaymentChannel.ALIPAY;
      default -> throw new InvalidField("channel", "must be wechat or alipay");
    };
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) {
      return 50;
    }
    try {
      int size = Integer.parseInt(limit.strip());
      if (size >= 1 && size <= MAX_LIMIT) {
        return size;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidField("limit", "must be a number from 1 to " + MAX_LIMIT);
  }
}
