package org.gansuite.models.decoding;

/**
 * Mean, population standard deviation, minimum and maximum of a metric over a data set, as the
 * paper's Table 1 reports them (doi 10.16383/j.aas.c190496).
 *
 * @param count values summarised
 * @param excluded values left out because they are infinite (PSNR of an exact reconstruction)
 */
public record Summary(long count, long excluded, double mean, double std, double min, double max) {

  /** Welford's running mean and variance, in double precision. */
  public static final class Accumulator {
    private long n;
    private long excluded;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public void add(double x) {
      if (Double.isNaN(x)) {
        throw new IllegalArgumentException("NaN cannot be summarised");
      }
      if (Double.isInfinite(x)) {
        excluded++;
        return;
      }
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    public Summary summary() {
      if (n == 0) {
        throw new IllegalStateException("no finite value to summarise (" + excluded + " infinite)");
      }
      return new Summary(n, excluded, mean, Math.sqrt(m2 / n), min, max);
    }
  }
}
