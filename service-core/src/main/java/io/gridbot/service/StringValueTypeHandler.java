package io.gridbot.service;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Stores an identifier value object (a record around one string, e.g. an account or order number)
 * as that string in a VARCHAR column. Subclasses name the type and how to make and read it; the
 * value object's constructor validates what comes back from the database.
 *
 * @param <T> the value object
 */
public abstract class StringValueTypeHandler<T> extends BaseTypeHandler<T> {

  private final Function<String, T> parse;
  private final Function<T, String> format;

  protected StringValueTypeHandler(Function<String, T> parse, Function<T, String> format) {
    this.parse = Objects.requireNonNull(parse, "parse");
    this.format = Objects.requireNonNull(format, "format");
  }

  @Override
  public void setNonNullParameter(PreparedStatement ps, int i, T parameter, JdbcType jdbcType)
      throws SQLException {
    ps.setString(i, format.apply(parameter));
  }

  @Override
  public T getNullableResult(ResultSet rs, String columnName) throws SQLException {
    return toValue(rs.getString(columnName));
  }

  @Override
  public T getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
    return toValue(rs.getString(columnIndex));
  }

  @Override
  public T getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
    return toValue(cs.getString(columnIndex));
  }

  private T toValue(String value) {
    return value == null ? null : parse.apply(value);
  }
}
