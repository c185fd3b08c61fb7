package org.gansuite.metrics;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean, population standard deviation (numpy's default, ddof=0), minimum and maximum of per-image
 * or per-split values: the columns of the paper's Table 1.
 */
public record Summary(int n, double mean, double std, double min, double max) {

  public Summary {
    if (n <= 0) {
      throw new IllegalArgumentException("a summary needs at least one value");
    }
  }

  public static Summary of(double[] values) {
    DescriptiveStatistics s = new DescriptiveStatistics(values);
    // Commons Math's variance is the sample variance; the population one matches numpy's std().
    double std = Math.sqrt(s.getPopulationVariance());
    return new Summary(values.length, s.getMean(), std, s.getMin(), s.getMax());
  }

  /** {@code prefix_mean}, {@code prefix_std}, {@code prefix_min}, {@code prefix_max}. */
  public Map<String, Object> toJson(String prefix) {
    return Map.of(prefix + "_mean", mean, prefix + "_std", std, prefix + "_min", min, prefix + "_max", max);
  }
}
