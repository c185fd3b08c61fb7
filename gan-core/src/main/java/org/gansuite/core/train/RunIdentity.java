package org.gansuite.core.train;

import java.util.SortedMap;
import java.util.TreeMap;
import org.gansuite.core.data.DatasetId;
import org.gansuite.core.model.ModelSpec;

/** The configuration that defines a run; a checkpoint resumes only under an equal one. */
public final class RunIdentity {

  private RunIdentity() {}

  public static SortedMap<String, String> of(ModelSpec spec, DatasetId data) {
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
    return m;
  }
}
