package io.gridbot.service.application;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores a {@link ApplicationNo} as its text in a VARCHAR column. */
class ApplicationNoTypeHandler extends BaseTypeHandler<ApplicationNo> {

  @Override
  public void setNonNullParameter(
      PreparedStatement ps, int i, ApplicationNo parameter, JdbcType jdbcType) throws SQLException {
    ps.setString(i, parameter.value());
  }

  @Override
  public ApplicationNo getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return toApplicationNo(rs.getString(columnName));
  }

  @Override
  public ApplicationNo getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return toApplicationNo(rs.getString(columnIndex));
  }

  @Override
  public ApplicationNo getNullableResult(CallableStatement cs, int columnIndex)
      throws SQLException {
    return toApplicationNo(cs.getString(columnIndex));
  }

  private static ApplicationNo toApplicationNo(String value) {
    return value == null ? null : new ApplicationNo(value);
  }
}
