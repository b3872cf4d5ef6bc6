package io.gridbot.channel.alipay;

import io.gridbot.dialog.store.StateUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the Alipay endpoints as problem details; nothing was changed by them. */
@RestControllerAdvice(
    assignableTypes = {GatewayController.class, PaymentController.class, AutoDebitController.class})
class AlipayExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(AlipayExceptionHandler.class);

  @ExceptionHandler(InvalidAlipayRequest.class)
  ProblemDetail invalid(InvalidAlipayRequest e) {
    log.warn("alipay request refused: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(RequestBodies.BodyTooLarge.class)
  ProblemDetail tooLarge(RequestBodies.BodyTooLarge e) {
    log.warn("alipay request refused: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }

  @ExceptionHandler({GatewayMessages.HandlingFailed.class, StateUnavailable.class})
  ProblemDetail busy(RuntimeException e) {
    log.warn("alipay gateway could not take the message now: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
