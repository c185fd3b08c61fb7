package org.gansuite.core.train;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gansuite.core.provenance.Provenance;

/**
 * The JSON sidecar of a checkpoint: where the run stands (completed iterations, epoch, data
 * position), its randomness (counter-based: seed and position determine every later draw), the
 * configuration that must match to resume, the last logged scalars, and provenance. Format 2
 * adds the counted FLOPs of one iteration (so a resume keeps the iteration count a FLOP budget
 * gave), the training seconds summed across resumes, the evaluations so far and the lowest FID
 * among them ({@code null}: none yet; in a best checkpoint, its own FID). A format-1 state reads
 * with zeros, an empty list and {@code null} there.
 */
public record CheckpointState(
    int formatVersion, long iteration, int epoch, int iterationInEpoch, int batchInEpoch, long seed,
    SortedMap<String, String> config, Map<String, Double> scalars, Provenance provenance,
    long flopsPerIteration, double seconds, List<Evaluation> evaluations, Double bestFid) {

  public static final int FORMAT = 2;

  public CheckpointState {
    config = new TreeMap<>(config);
    scalars = Map.copyOf(scalars);
    evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
  }
}
