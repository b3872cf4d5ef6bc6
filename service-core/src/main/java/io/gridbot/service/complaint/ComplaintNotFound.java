package io.gridbot.service.complaint;

import io.gridbot.service.ServiceException;

/** There is no complaint with this number. */
public class ComplaintNotFound extends ServiceException {

  private final ComplaintNo complaintNo;

  public ComplaintNotFound(ComplaintNo complaintNo) {
    super("complaint " + complaintNo + " does not exist");
    this.complaintNo = complaintNo;
  }

  public ComplaintNo complaintNo() {
    return complaintNo;
  }

  @Override
  public String code() {
    return "complaint.not-found";
  }
}
