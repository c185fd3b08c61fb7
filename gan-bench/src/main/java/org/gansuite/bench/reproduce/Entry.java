package org.gansuite.bench.reproduce;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of a comparison table: a registered model, the label the paper gives its row, and the
 * hyper-parameter overrides that make the row (e.g. the proposed model's L1 variant).
 */
public record Entry(String model, String label, Map<String, String> hyper) {

  public Entry {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(label, "label");
    hyper = new TreeMap<>(hyper);
  }

  public static Entry of(String model, String label) {
    return new Entry(model, label, Map.of());
  }

  /** Folder name: the model, plus the overrides when there are any. */
  public String slug() {
    if (hyper.isEmpty()) {
      return model;
    }
    var b = new StringBuilder(model);
    hyper.forEach((k, v) -> b.append('+').append(k).append('=').append(v.replaceAll("[^A-Za-z0-9.-]", "_")));
    return b.toString();
  }
}
