package io.gridbot.service.appointment;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores a {@link BookingNo} as its text in a VARCHAR column. */
class BookingNoTypeHandler extends BaseTypeHandler<BookingNo> {

  @Override
  public void setNonNullParameter(
      PreparedStatement ps, int i, BookingNo parameter, JdbcType jdbcType) throws SQLException {
    ps.setString(i, parameter.value());
  }

  @Override
  public BookingNo getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return toBookingNo(rs.getString(columnName));
  }

  @Override
  public BookingNo getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return toBookingNo(rs.getString(columnIndex));
  }

  @Override
  public BookingNo getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return toBookingNo(cs.getString(columnIndex));
  }

  private static BookingNo toBookingNo(String value) {
    return value == null ? null : new BookingNo(value);
  }
}
