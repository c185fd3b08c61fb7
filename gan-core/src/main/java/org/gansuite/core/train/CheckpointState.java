package org.gansuite.core.train;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gansuite.core.provenance.Provenance;

/**
 * The JSON sidecar of a checkpoint: where the run stands (completed iterations, epoch, data
 * position), its randomness (counter-based: seed and position determine every later draw), the
 * configuration that must match to resume, the last logged scalars, and provenance.
 */
public record CheckpointState(
    int formatVersion, long iteration, int epoch, int iterationInEpoch, int batchInEpoch, long seed,
    SortedMap<String, String> config, Map<String, Double> scalars, Provenance provenance) {

  public static final int FORMAT = 1;

  public CheckpointState {
    config = new TreeMap<>(config);
    scalars = Map.copyOf(scalars);
  }
}
