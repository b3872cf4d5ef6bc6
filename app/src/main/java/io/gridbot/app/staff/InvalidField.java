package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;

/**
 * A field of a staff request is missing or malformed. The message starts with the field's name, so
 * that the problem's detail names it; it never repeats the field's value.
 */
class InvalidField extends ServiceException {

  private final String field;

  InvalidField(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
  }

  String field() {
    return field;
  }

  @Override
  public String code() {
    return "request.invalid-field";
  }
}
