package io.gridbot.service.autodebit;

import io.gridbot.service.ServiceException;

/** An agreement cannot move from its state to the one asked for (e.g. sign an unsigned one). */
public class AgreementTransitionNotAllowed extends ServiceException {

  public AgreementTransitionNotAllowed(String requestId, AgreementState from, AgreementState to) {
    super("auto-debit agreement " + requestId + " cannot go from " + from + " to " + to);
  }

  @Override
  public String code() {
    return "auto-debit.transition-not-allowed";
  }
}
