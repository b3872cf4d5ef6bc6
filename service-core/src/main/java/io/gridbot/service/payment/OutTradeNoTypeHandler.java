package io.gridbot.service.payment;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores an {@link OutTradeNo} as its text in a VARCHAR column. */
class OutTradeNoTypeHandler extends BaseTypeHandler<OutTradeNo> {

  @Override
  public void setNonNullParameter(
      PreparedStatement ps, int i, OutTradeNo parameter, JdbcType jdbcType) throws SQLException {
    ps.setString(i, parameter.value());
  }

  @Override
  public OutTradeNo getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return toOutTradeNo(rs.getString(columnName));
  }

  @Override
  public OutTradeNo getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return toOutTradeNo(rs.getString(columnIndex));
  }

  @Override
  public OutTradeNo getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return toOutTradeNo(cs.getString(columnIndex));
  }

  private static OutTradeNo toOutTradeNo(String value) {
    return value == null ? null : new OutTradeNo(value);
  }
}
