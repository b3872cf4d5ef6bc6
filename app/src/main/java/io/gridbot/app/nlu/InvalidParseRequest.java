package io.gridbot.app.nlu;

/** A parse request with a missing or malformed field. */
class InvalidParseRequest extends RuntimeException {

  private final String field;

  InvalidParseRequest(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  String field() {
    return field;
  }
}
