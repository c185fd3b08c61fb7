package org.gansuite.bench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gansuite.core.provenance.Provenance;

/**
 * The numbers a metric command prints and the protocol that produced them. With {@code --json}
 * one JSON object ({@code {"fid": ..., ..., "protocol": {...}}}); otherwise one {@code key = value}
 * line per number followed by the protocol, one {@code key: value} line per entry, so a number
 * copied from the terminal is never separated from how it was computed.
 */
final class Report {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Object> protocol = new LinkedHashMap<>();
  private final Map<String, Object> definitions = new LinkedHashMap<>();

  /** A report whose protocol starts with the metric definitions, the device and the code version. */
  Report(String device) {
    protocol.put("metrics", definitions);
    protocol.put("device", device);
    protocol.put("code_version", Provenance.currentCodeVersion());
    protocol.put("tensorflow", org.tensorflow.TensorFlow.version());
  }

  /** Adds the definition of a metric reported here. */
  Report define(String metric, String definition) {
    definitions.put(metric, definition);
    return this;
  }

  Report value(String key, Object v) {
    values.put(key, v);
    return this;
  }

  Report values(Map<String, Object> all) {
    values.putAll(all);
    return this;
  }

  Report protocol(String key, Object v) {
    protocol.put(key, v);
    return this;
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>(values);
    m.put("protocol", protocol);
    return m;
  }

  void print(PrintWriter out, boolean json) {
    if (json) {
      try {
        out.println(JSON.writeValueAsString(toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the result as JSON: " + e.getMessage(), e);
      }
    } else {
      values.forEach((k, v) -> out.println(k + " = " + format(v)));
      out.println("protocol:");
      printNested(out, "  ", protocol);
    }
    out.flush();
  }

  @SuppressWarnings("unchecked")
  private static void printNested(PrintWriter out, String indent, Map<String, Object> m) {
    for (var e : m.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> inner) {
        out.println(indent + e.getKey() + ":");
        printNested(out, indent + "  ", (Map<String, Object>) inner);
      } else {
        out.println(indent + e.getKey() + ": " + format(e.getValue()));
      }
    }
  }

  /** Doubles with 8 significant digits (enough for any table); everything else as is. */
  static String format(Object v) {
    if (v instanceof Double d && Double.isFinite(d)) {
      return String.format(java.util.Locale.ROOT, "%.8g", d);
    }
    return String.valueOf(v);
  }
}
