package org.gansuite.bench.protocol;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.gansuite.core.model.GanModelProvider;

/**
 * One row of a comparison table: a registered model, the label the table gives its row, and the
 * hyper-parameter overrides that make the row (e.g. the proposed model's L1 variant).
 */
public record Entry(String model, String label, Map<String, String> hyper) {

  /** The label of the row scoring training images as if they were samples. */
  public static final String TRAINING_SET = "training set";

  /** The training-set row. */
  public static final Entry TRAINING_SET_ROW = new Entry("training-set", TRAINING_SET, Map.of());

  public Entry {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(label, "label");
    hyper = new TreeMap<>(hyper);
  }

  /** The model's own row, labelled with its display name. */
  public static Entry of(GanModelProvider provider) {
    return new Entry(provider.name(), provider.displayName(), Map.of());
  }

  public Entry with(Map<String, String> overrides) {
    var h = new TreeMap<>(hyper);
    h.putAll(overrides);
    return new Entry(model, label, h);
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
