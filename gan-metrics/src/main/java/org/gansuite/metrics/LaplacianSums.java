package org.gansuite.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact integer sums of the Laplacian responses of a set of images, one block per image: its
 * pixel count, then for every {@link ClarityDefinition.Kernel} the sum of the (undivided)
 * response, of its squares and of its absolute values. Every {@link ClarityDefinition} is a
 * function of these, so one pass over the pixels gives all of them, in any order of images.
 */
public final class LaplacianSums {

  /** Longs per image: the pixel count, then sum, squares, absolute values per kernel. */
  static final int STRIDE = 1 + 3 * ClarityDefinition.Kernel.values().length;

  private final long[] sums;

  LaplacianSums(long[] sums) {
    if (sums.length % STRIDE != 0) {
      throw new IllegalArgumentException("Laplacian sums come in blocks of " + STRIDE + ", got " + sums.length);
    }
    this.sums = sums;
  }

  /** Images summed. */
  public int size() {
    return sums.length / STRIDE;
  }

  /** One image's clarity under one definition. */
  public double value(int image, ClarityDefinition d) {
    int at = image * STRIDE;
    int k = at + 1 + 3 * d.kernel().ordinal();
    return d.statistic().of(sums[at], sums[k], sums[k + 1], sums[k + 2], d.kernel().divisor());
  }

  /** Every image's clarity under one definition. */
  public double[] values(ClarityDefinition d) {
    double[] v = new double[size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value(i, d);
    }
    return v;
  }

  /** Mean, population std, min and max over the images under one definition. */
  public Summary summary(ClarityDefinition d) {
    return Summary.of(values(d));
  }

  /** {@link #summary} under every definition, in {@link ClarityDefinition#ALL}'s order. */
  public Map<ClarityDefinition, Summary> summaries() {
    Map<ClarityDefinition, Summary> m = new LinkedHashMap<>();
    ClarityDefinition.ALL.forEach(d -> m.put(d, summary(d)));
    return m;
  }
}
