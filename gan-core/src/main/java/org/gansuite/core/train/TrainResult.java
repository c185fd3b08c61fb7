package org.gansuite.core.train;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gansuite.core.model.PreparationCost;

/**
 * How a run ended. A diverged run is {@link Status#FAILED} with the iteration, the phase and the
 * non-finite values in {@code message}; its last good checkpoint is kept. Costs are reported
 * apart: the preparation's ({@link #preparation}) and the adversarial training's
 * ({@link #trainingFlops}, {@link #trainingImages}, {@link #trainingSeconds}), both over the whole
 * run, resumes included.
 *
 * @param iterations completed iterations in all (resumed ones included)
 * @param lastScalars the scalars of the last logged or failed step
 * @param lastCheckpoint the newest checkpoint, if any
 * @param seconds wall time of this call
 * @param dataWaitSeconds time training steps waited for their batch
 * @param imagesSeen real images drawn in this call
 * @param parameters trainable parameters per network, in the model's order
 * @param flopsPerIteration counted FLOPs of one iteration (every phase times its steps)
 * @param preparation what the model's preparation cost ({@link PreparationCost#NONE} without one)
 * @param trainingSeconds training seconds of the whole run, summed across resumes (preparation and
 *     evaluations excluded)
 * @param bestCheckpoint the checkpoint with the lowest evaluated FID so far, under {@code checkpoints-best/}
 * @param evaluations every evaluation of the run so far, in iteration order
 */
public record TrainResult(Status status, long iterations, int epochsDone, String message,
    Map<String, Double> lastScalars, Optional<Path> lastCheckpoint, double seconds, double dataWaitSeconds,
    long imagesSeen, Map<String, Long> parameters, long flopsPerIteration, long imagesPerIteration,
    PreparationCost preparation, double trainingSeconds, Optional<Path> bestCheckpoint,
    List<Evaluation> evaluations) {

  public enum Status { COMPLETED, FAILED }

  public TrainResult {
    lastScalars = Map.copyOf(lastScalars);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    Objects.requireNonNull(preparation, "preparation");
    evaluations = List.copyOf(evaluations);
  }

  /** Real images per second of wall time in this call. */
  public double imagesPerSecond() {
    return seconds > 0 ? imagesSeen / seconds : 0;
  }

  /** Counted FLOPs of the adversarial training: every completed iteration, resumed ones included. */
  public long trainingFlops() {
    return iterations * flopsPerIteration;
  }

  /** Real images the adversarial training drew: every completed iteration, resumed ones included. */
  public long trainingImages() {
    return iterations * imagesPerIteration;
  }

  /** Counted FLOPs of the run: preparation plus adversarial training. */
  public long totalFlops() {
    return preparation.flops() + trainingFlops();
  }

  /** The adversarial training's cost in the preparation's terms, to set beside {@link #preparation}. */
  public PreparationCost trainingCost() {
    return new PreparationCost(trainingFlops(), trainingImages(), trainingSeconds);
  }
}
