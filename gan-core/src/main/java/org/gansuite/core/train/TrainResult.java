package org.gansuite.core.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ended. A diverged run is {@link Status#FAILED} with the iteration, the phase and the
 * non-finite values in {@code message}; its last good checkpoint is kept.
 *
 * @param iterations completed iterations in all (resumed ones included)
 * @param lastScalars the scalars of the last logged or failed step
 * @param lastCheckpoint the newest checkpoint, if any
 * @param seconds wall time of this call
 * @param dataWaitSeconds time training steps waited for their batch
 * @param parameters trainable parameters per network, in the model's order
 */
public record TrainResult(Status status, long iterations, int epochsDone, String message,
    Map<String, Double> lastScalars, Optional<Path> lastCheckpoint, double seconds, double dataWaitSeconds,
    long imagesSeen, Map<String, Long> parameters) {

  public enum Status { COMPLETED, FAILED }

  public TrainResult {
    lastScalars = Map.copyOf(lastScalars);
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  /** Real images per second of wall time in this call. */
  public double imagesPerSecond() {
    return seconds > 0 ? imagesSeen / seconds : 0;
  }
}
