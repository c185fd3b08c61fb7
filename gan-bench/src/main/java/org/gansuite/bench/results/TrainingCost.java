package org.gansuite.bench.results;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What training a run cost, and how its scores moved while it trained.
 *
 * @param iterations adversarial iterations done (all phases of one iteration count once)
 * @param epochs real images seen over the data set size
 * @param images real images seen by the adversarial iterations
 * @param seconds wall-clock seconds of the adversarial training calls (a resumed run counts its last call only)
 * @param imagesPerSecond real images per second
 * @param secondsPerEpoch {@code seconds} over {@code epochs}
 * @param dataWaitSeconds time the trainer waited for data
 * @param lastScalars the losses of the last logged iteration
 * @param gflop counted training GFLOP (matrix ops, 2 per multiply-add), preparation included
 * @param preparationGflop of which the model's preparation (e.g. the proposed model's auto-encoder pre-training)
 * @param preparationSeconds wall-clock seconds of the preparation
 * @param curve the evaluations during training, first to last (empty when none ran)
 */
public record TrainingCost(long iterations, double epochs, long images, double seconds, double imagesPerSecond,
    double secondsPerEpoch, double dataWaitSeconds, Map<String, Double> lastScalars, double gflop,
    double preparationGflop, double preparationSeconds, List<CurvePoint> curve) {

  public TrainingCost {
    lastScalars = lastScalars == null ? Map.of() : new TreeMap<>(lastScalars);
    curve = curve == null ? List.of() : List.copyOf(curve);
  }

  /**
   * One evaluation during training.
   *
   * @param gflop training GFLOP so far, preparation included
   * @param seconds training seconds so far, preparation included
   * @param values the scores, e.g. {@code fid}, {@code kid}
   */
  public record CurvePoint(long iteration, long images, double gflop, double seconds, Map<String, Double> values) {
    public CurvePoint {
      values = new TreeMap<>(values);
    }

    public double value(String key) {
      Double v = values.get(key);
      return v == null ? Double.NaN : v;
    }
  }
}
