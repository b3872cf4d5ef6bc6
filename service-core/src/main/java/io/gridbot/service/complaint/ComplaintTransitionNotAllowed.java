package io.gridbot.service.complaint;

import io.gridbot.service.ServiceException;

/** The complaint's state does not allow the requested move (see {@link ComplaintState}). */
public class ComplaintTransitionNotAllowed extends ServiceException {

  private final ComplaintNo complaintNo;
  private final ComplaintState from;
  private final ComplaintState to;

  public ComplaintTransitionNotAllowed(
      ComplaintNo complaintNo, ComplaintState from, ComplaintState to) {
    super("complaint " + complaintNo + " cannot move from " + from + " to " + to);
    this.complaintNo = complaintNo;
    this.from = from;
    this.to = to;
  }

  public ComplaintNo complaintNo() {
    return complaintNo;
  }

  public ComplaintState from() {
    return from;
  }

  public ComplaintState to() {
    return to;
  }

  @Override
  public String code() {
    return "complaint.transition-not-allowed";
  }
}
