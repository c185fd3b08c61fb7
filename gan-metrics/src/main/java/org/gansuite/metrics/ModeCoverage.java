package org.gansuite.metrics;

/**
 * Mode coverage where the extractor classifies: the number of classes present in the data whose
 * share among the samples' predicted labels is at least half their share in the data. A class with
 * share 0 in the data is not a mode and never counts. Predicted labels are the arg-max of a row of
 * probabilities, the first maximum on ties (numpy's {@code argmax}).
 */
public final class ModeCoverage {

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "mode coverage: number of classes c with data share q_c > 0 and "
      + "share of c among the generated samples' predicted labels (arg-max of the extractor's probabilities) >= q_c / 2; "
      + "q from the extractor's predicted labels of the reference subset";

  private ModeCoverage() {}

  /**
   * Counts the classes with {@code dataShares[c] > 0} and
   * {@code #{sampleLabels == c} / sampleLabels.length >= dataShares[c] / 2}.
   */
  public static int of(int[] sampleLabels, double[] dataShares) {
    long[] counts = counts(sampleLabels, dataShares.length, "sample");
    int covered = 0;
    for (int c = 0; c < dataShares.length; c++) {
      double q = dataShares[c];
      if (!(q >= 0 && q <= 1)) {
        throw new IllegalArgumentException("class share " + q + " of class " + c + " is not in [0, 1]");
      }
      if (q > 0 && (double) counts[c] / sampleLabels.length >= q / 2) {
        covered++;
      }
    }
    return covered;
  }

  /** The same with the data's labels; compared in integers, so a share exactly at half counts. */
  public static int ofLabels(int[] sampleLabels, int[] dataLabels, int classes) {
    long[] s = counts(sampleLabels, classes, "sample");
    long[] q = counts(dataLabels, classes, "data");
    int covered = 0;
    for (int c = 0; c < classes; c++) {
      // s_c / n_s >= (q_c / n_d) / 2  <=>  2 s_c n_d >= q_c n_s
      if (q[c] > 0 && 2 * s[c] * dataLabels.length >= q[c] * sampleLabels.length) {
        covered++;
      }
    }
    return covered;
  }

  /** Mode coverage of generated probabilities against the data's probabilities (both N x classes). */
  public static int of(FeatureMatrix sampleProbabilities, FeatureMatrix dataProbabilities) {
    if (sampleProbabilities.cols() != dataProbabilities.cols()) {
      throw new IllegalArgumentException("mode coverage needs the same classes, got " + sampleProbabilities.cols()
          + " and " + dataProbabilities.cols());
    }
    return ofLabels(argmax(sampleProbabilities), argmax(dataProbabilities), sampleProbabilities.cols());
  }

  /** The index of the largest value of each row, the first on ties. */
  public static int[] argmax(FeatureMatrix p) {
    int[] out = new int[p.rows()];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int c = 1; c < p.cols(); c++) {
        if (p.get(i, c) > p.get(i, best)) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  private static long[] counts(int[] labels, int classes, String which) {
    if (labels.length == 0) {
      throw new IllegalArgumentException("mode coverage needs at least one " + which + " label");
    }
    long[] counts = new long[classes];
    for (int l : labels) {
      if (l < 0 || l >= classes) {
        throw new IllegalArgumentException(which + " label " + l + " outside 0.." + (classes - 1));
      }
      counts[l]++;
    }
    return counts;
  }
}
