package io.gridbot.channel.web;

/** A web chat request with a missing or malformed field. */
class InvalidRobotRequest extends RuntimeException {

  private final String field;

  InvalidRobotRequest(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  String field() {
    return field;
  }
}
