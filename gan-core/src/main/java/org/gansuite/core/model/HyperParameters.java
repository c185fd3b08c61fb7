package org.gansuite.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gansuite.core.UserError;

/**
 * A model's hyper-parameters: an immutable, sorted map from name to an Integer, Double, Boolean or
 * String value. A model declares its defaults; users override them by name with strings, parsed to
 * the default's type. Unknown names and unparsable values are errors that name the parameter.
 */
public final class HyperParameters {

  private final SortedMap<String, Object> values;

  private HyperParameters(SortedMap<String, Object> values) {
    this.values = Collections.unmodifiableSortedMap(values);
  }

  /** Defaults: each value must be an Integer, Double, Boolean or String. */
  public static HyperParameters of(Map<String, ?> defaults) {
    var copy = new TreeMap<String, Object>();
    defaults.forEach((k, v) -> {
      if (!k.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("hyper-parameter name must match [a-z][a-z0-9_]*, got '" + k + "'");
      }
      if (!(v instanceof Integer || v instanceof Double || v instanceof Boolean || v instanceof String)) {
        throw new IllegalArgumentException("hyper-parameter " + k + ": unsupported type " + v.getClass().getSimpleName());
      }
      copy.put(k, v);
    });
    return new HyperParameters(copy);
  }

  /** A copy with some values replaced; each override is parsed to the type of its default. */
  public HyperParameters with(Map<String, String> overrides) {
    var copy = new TreeMap<>(values);
    overrides.forEach((k, text) -> {
      Object old = values.get(k);
      if (old == null) {
        throw new UserError("unknown hyper-parameter '" + k + "'; known: " + values.keySet());
      }
      copy.put(k, parse(k, old, text.trim()));
    });
    return new HyperParameters(copy);
  }

  private static Object parse(String key, Object like, String text) {
    try {
      if (like instanceof Integer) {
        return Integer.parseInt(text);
      }
      if (like instanceof Double) {
        return Double.parseDouble(text);
      }
      if (like instanceof Boolean) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new NumberFormatException("not a boolean");
        }
        return Boolean.parseBoolean(text);
      }
      return text;
    } catch (NumberFormatException e) {
      throw new UserError("hyper-parameter " + key + ": cannot read '" + text + "' as "
          + like.getClass().getSimpleName(), e);
    }
  }

  public int getInt(String key) {
    return (Integer) get(key);
  }

  public double getDouble(String key) {
    return (Double) get(key);
  }

  public float getFloat(String key) {
    return ((Double) get(key)).floatValue();
  }

  public boolean getBoolean(String key) {
    return (Boolean) get(key);
  }

  public String getString(String key) {
    return (String) get(key);
  }

  /** The value of {@code key} as one of the names of {@code type}, case-insensitive. */
  public <E extends Enum<E>> E getEnum(String key, Class<E> type) {
    String text = getString(key);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    throw new UserError("hyper-parameter " + key + ": '" + text + "' is not one of "
        + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase());
  }

  private Object get(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown hyper-parameter '" + key + "'; known: " + values.keySet());
    }
    return v;
  }

  /** Name to value, sorted by name. */
  public SortedMap<String, Object> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperParameters h && h.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
