package io.gridbot.app.staff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Which field of a staff request Spring MVC or Jackson refused, and the rule it broke, in words
 * that never repeat the value sent.
 *
 * @param field a query parameter or path variable name, a body property path such as {@code
 *     areas[0]} or {@code slot.start}, {@code body} for a body that is missing or not JSON, or
 *     {@code request} when nothing more precise is known
 * @param rule what the field must be, e.g. {@code must be a whole number}
 */
record FieldRule(String field, String rule) {

  static final String BODY = "body";
  static final String REQUEST = "request";

  /** The field and rule behind one of the 400 exceptions Spring MVC raises before a controller. */
  static FieldRule of(Exception e) {
    if (e instanceof HttpMessageNotReadableException unreadable) {
      return ofBody(unreadable);
    }
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      return new FieldRule(mismatch.getName(), ruleFor(mismatch.getRequiredType()));
    }
    if (e instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
      return new FieldRule(mismatch.getPropertyName(), ruleFor(mismatch.getRequiredType()));
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return new FieldRule(missing.getParameterName(), "is required");
    }
    if (e instanceof MissingPathVariableException missing) {
      return new FieldRule(missing.getVariableName(), "is required");
    }
    if (e instanceof MissingRequestHeaderException missing) {
      return new FieldRule(missing.getHeaderName(), "is required");
    }
    if (e instanceof MethodArgumentNotValidException invalid) {
      FieldError error = invalid.getBindingResult().getFieldError();
      return error == null
          ? new FieldRule(BODY, "is not valid")
          : new FieldRule(error.getField(), plain(error.getDefaultMessage()));
    }
    if (e instanceof HandlerMethodValidationException invalid
        && !invalid.getParameterValidationResults().isEmpty()) {
      String name =
          invalid.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
      return new FieldRule(name == null ? REQUEST : name, "is not valid");
    }
    return new FieldRule(REQUEST, "is not a valid request");
  }

  /**
   * A body Jackson could not read: the path of the property it stopped at, or {@code body} when the
   * body is missing, is not JSON, or is not an object.
   */
  private static FieldRule ofBody(HttpMessageNotReadableException e) {
    JacksonException jackson = jacksonCause(e);
    if (jackson == null) {
      return new FieldRule(BODY, "is required and must be a JSON object");
    }
    if (jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)) {
      return new FieldRule(BODY, "must be valid JSON");
    }
    String path = path(jackson.getPath());
    if (path.isEmpty()) {
      return new FieldRule(BODY, "must be a JSON object");
    }
    if (jackson instanceof PropertyBindingException) {
      return new FieldRule(path, "is not a known property");
    }
    if (jackson instanceof InvalidNullException) {
      return new FieldRule(path, "must not be null");
    }
    if (jackson instanceof InputCoercionException coercion) {
      return new FieldRule(path, ruleFor(coercion.getTargetType()) + " within range");
    }
    if (jackson instanceof MismatchedInputException mismatch) {
      return new FieldRule(path, ruleFor(mismatch.getTargetType()));
    }
    return new FieldRule(path, "has the wrong type");
  }

  private static JacksonException jacksonCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof JacksonException jackson) {
        return jackson;
      }
    }
    return null;
  }

  /** {@code areas[0]}, {@code slot.start}: property names joined by dots, indexes in brackets. */
  static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** What a value of {@code type} looks like, for staff reading the problem. */
  static String ruleFor(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class
        || type == byte.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "must be a whole number";
    }
    if (type == BigDecimal.class
        || type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "must be a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    if (type == LocalDate.class) {
      return "must be a date such as 2026-11-27";
    }
    if (type == LocalTime.class) {
      return "must be a time such as 09:30";
    }
    if (type == LocalDateTime.class) {
      return "must be a date and time such as 2026-11-27T09:30:00";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z";
    }
    if (type.isEnum()) {
      return "must be one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "must be a text";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong type";
  }

  private static String plain(String message) {
    return message == null || message.isBlank() ? "is not valid" : message;
  }
}
