package io.gridbot.service.appointment;

import io.gridbot.service.StringValueTypeHandler;

/** Stores a {@link BookingNo} as its string in a VARCHAR column. */
class BookingNoTypeHandler extends StringValueTypeHandler<BookingNo> {

  BookingNoTypeHandler() {
    super(BookingNo::new, BookingNo::value);
  }
}
