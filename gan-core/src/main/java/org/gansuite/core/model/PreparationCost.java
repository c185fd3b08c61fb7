package org.gansuite.core.model;

/**
 * What a model's preparation stage cost (e.g. pre-training an auto-encoder), reported apart from
 * the adversarial training: its counted FLOPs (as {@link org.gansuite.core.perf.FlopCounter}
 * counts them: matrix work, 2 per multiply-add), the real images it drew, and its wall seconds.
 * The figures are those of the work that made the products, so a rerun that reuses finished
 * products reports the same cost, not zero.
 */
public record PreparationCost(long flops, long images, double seconds) {

  /** The cost of a model without a preparation stage. */
  public static final PreparationCost NONE = new PreparationCost(0, 0, 0);

  public PreparationCost {
    if (flops < 0 || images < 0 || !(seconds >= 0)) {
      throw new IllegalArgumentException("a cost is not negative: " + flops + " FLOPs, " + images + " images, "
          + seconds + " s");
    }
  }
}
