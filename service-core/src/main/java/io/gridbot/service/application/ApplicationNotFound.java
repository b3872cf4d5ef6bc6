package io.gridbot.service.application;

import io.gridbot.service.ServiceException;

/** There is no application with this number. */
public class ApplicationNotFound extends ServiceException {

  private final ApplicationNo no;

  public ApplicationNotFound(ApplicationNo no) {
    super("application " + no + " does not exist");
    this.no = no;
  }

  public ApplicationNo no() {
    return no;
  }

  @Override
  public String code() {
    return "application.not-found";
  }
}
