package io.gridbot.service.application;

import io.gridbot.service.StringValueTypeHandler;

/** Stores an {@link ApplicationNo} as its string in a VARCHAR column. */
class ApplicationNoTypeHandler extends StringValueTypeHandler<ApplicationNo> {

  ApplicationNoTypeHandler() {
    super(ApplicationNo::new, ApplicationNo::value);
  }
}
