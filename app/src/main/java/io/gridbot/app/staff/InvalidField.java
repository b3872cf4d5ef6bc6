package io.gridbot.app.staff;

import io.gridbot.service.ServiceException;

/**
 * A field of a staff request is missing or malformed, or the business refused its value. The
 * message starts with the field's name, so that the problem's detail names it; it never repeats the
 * field's value.
 */
class InvalidField extends ServiceException {

  static final String CODE = "request.invalid-field";

  private final String field;
  private final String code;

  InvalidField(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
    this.code = CODE;
  }

  /**
   * The business refused the value of {@code field} with a 400-class rule ({@code
   * points.insufficient} …): the problem keeps that code and message and names the field.
   */
  InvalidField(String field, ServiceException refused) {
    super(field + ": " + refused.getMessage());
    initCause(refused);
    this.field = field;
    this.code = refused.code();
  }

  String field() {
    return field;
  }

  @Override
  public String code() {
    return code;
  }
}
