package org.gansuite.core.train;

import java.util.SortedMap;
import java.util.TreeMap;
import org.gansuite.core.data.DatasetId;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.ModelSpec;

/** The configuration that defines a run; a checkpoint resumes only under an equal one. */
public final class RunIdentity {

  private RunIdentity() {}

  /** A float32 run's configuration. */
  public static SortedMap<String, String> of(ModelSpec spec, DatasetId data) {
    return of(spec, data, Precision.FP32);
  }

  /**
   * The configuration of a run in {@code precision}: a lower precision is part of it (key
   * {@code precision}), so a run never resumes in another one; float32, the default, adds no key,
   * which keeps the configurations of the runs from before the option as they were.
   */
  public static SortedMap<String, String> of(ModelSpec spec, DatasetId data, Precision precision) {
    var m = new TreeMap<String, String>();
    m.put("model", spec.model());
    m.put("image_shape", spec.shape().toString());
    m.put("z_dim", Integer.toString(spec.zDim()));
    m.put("batch_size", Integer.toString(spec.batchSize()));
    m.put("seed", Long.toString(spec.seed()));
    spec.hyper().asMap().forEach((k, v) -> m.put("hp." + k, String.valueOf(v)));
    m.put("dataset", data.name());
    m.put("dataset_size", Integer.toString(data.size()));
    m.put("dataset_sha256", data.contentHash());
    if (precision != Precision.FP32) {
      m.put("precision", precision.key());
    }
    return m;
  }
}
