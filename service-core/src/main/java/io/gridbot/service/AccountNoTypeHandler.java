package io.gridbot.service;

import io.gridbot.service.account.AccountNo;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/** Stores an {@link AccountNo} as its digits in a VARCHAR column. */
class AccountNoTypeHandler extends BaseTypeHandler<AccountNo> {

  @Override
  public void setNonNullParameter(
      PreparedStatement ps, int i, AccountNo parameter, JdbcType jdbcType) throws SQLException {
    ps.setString(i, parameter.value());
  }

  @Override
  public AccountNo getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return toAccountNo(rs.getString(columnName));
  }

  @Override
  public AccountNo getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return toAccountNo(rs.getString(columnIndex));
  }

  @Override
  public AccountNo getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return toAccountNo(cs.getString(columnIndex));
  }

  private static AccountNo toAccountNo(String value) {
    return value == null ? null : new AccountNo(value);
  }
}
