package org.gansuite.bench.results;

import java.util.Map;
import java.util.TreeMap;

/**
 * What training a run cost.
 *
 * @param iterations iterations done (all phases of one iteration count once)
 * @param epochs real images seen over the data set size
 * @param images real images seen
 * @param seconds wall-clock seconds of the training calls (a resumed run counts its last call only)
 * @param imagesPerSecond real images per second
 * @param secondsPerEpoch {@code seconds} over {@code epochs}
 * @param dataWaitSeconds time the trainer waited for data
 * @param lastScalars the losses of the last logged iteration
 */
public record TrainingCost(long iterations, double epochs, long images, double seconds, double imagesPerSecond,
    double secondsPerEpoch, double dataWaitSeconds, Map<String, Double> lastScalars) {

  public TrainingCost {
    lastScalars = lastScalars == null ? Map.of() : new TreeMap<>(lastScalars);
  }
}
