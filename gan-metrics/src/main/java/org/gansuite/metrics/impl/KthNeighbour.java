package org.gansuite.metrics.impl;

import java.util.Arrays;
import org.gansuite.metrics.FeatureMatrix;

/**
 * The squared distance from every row of a matrix to its k-th nearest other row (the direct sum of
 * {@link PairwiseDistances#exactSquared}), from blocks of approximate distances.
 *
 * <p>Per row it keeps the candidates whose lower bound (approximation - bound) lies below T, the
 * k-th smallest upper bound seen so far. Every row outside that set has a true value of at least T,
 * and k kept rows have true values of at most T, so the k-th smallest direct sum among the
 * candidates is the k-th smallest of the row; only those few get their direct sum computed. When
 * ties keep many candidates (repeated points, a collapsed generator), the list is compacted to its
 * k smallest direct sums, so memory stays O(k) per row.
 */
public final class KthNeighbour {

  private final FeatureMatrix x;
  private final int k;
  private final int capacity;
  private final int[][] index;
  private final double[][] low;
  private final double[][] high;
  private final boolean[][] exact;
  private final int[] size;
  private final double[] threshold;

  private KthNeighbour(FeatureMatrix x, int k) {
    this.x = x;
    this.k = k;
    this.capacity = 2 * k + 8;
    int n = x.rows();
    index = new int[n][];
    low = new double[n][];
    high = new double[n][];
    exact = new boolean[n][];
    size = new int[n];
    threshold = new double[n];
    Arrays.fill(threshold, Double.POSITIVE_INFINITY);
  }

  /**
   * For each row of {@code x}, the direct squared distance to its k-th nearest other row (prdc's
   * {@code (k+1)}-th smallest distance of the row including the zero to itself).
   */
  public static double[] squaredRadii(PairwiseDistances distances, FeatureMatrix x, int k) {
    if (k < 1 || k >= x.rows()) {
      throw new IllegalArgumentException("k must be in 1.." + (x.rows() - 1) + ", got " + k);
    }
    KthNeighbour sel = new KthNeighbour(x, k);
    double[] norms = PairwiseDistances.squaredNorms(x);
    int d = x.cols();
    distances.forEachBlock(x, x, true, (r0, rows, c0, cols, gram) -> {
      for (int r = 0; r < rows; r++) {
        int i = r0 + r;
        for (int c = 0; c < cols; c++) {
          int j = c0 + c;
          if (j <= i) {
            continue; // the block's lower part and the diagonal: each pair once, never a row with itself
          }
          double approx = norms[i] + norms[j] - 2 * gram[r * cols + c];
          double bound = PairwiseDistances.bound(norms[i], norms[j], d);
          sel.offer(i, j, approx, bound);
          sel.offer(j, i, approx, bound);
        }
      }
    });
    double[] out = new double[x.rows()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sel.finish(i);
    }
    return out;
  }

  private void offer(int i, int j, double approx, double bound) {
    double lo = approx - bound;
    if (!(lo < threshold[i])) {
      return;
    }
    if (index[i] == null) {
      index[i] = new int[capacity];
      low[i] = new double[capacity];
      high[i] = new double[capacity];
      exact[i] = new boolean[capacity];
    }
    if (size[i] == capacity) {
      compact(i);
      if (!(lo < threshold[i])) {
        return;
      }
    }
    int s = size[i]++;
    index[i][s] = j;
    low[i][s] = lo;
    high[i][s] = approx + bound;
    exact[i][s] = false;
    if (size[i] >= k && high[i][s] < threshold[i]) {
      double[] h = Arrays.copyOf(high[i], size[i]);
      Arrays.sort(h);
      threshold[i] = h[k - 1];
      prune(i);
    }
  }

  /** Drops candidates whose lower bound is above the threshold (the k defining it stay). */
  private void prune(int i) {
    int kept = 0;
    for (int s = 0; s < size[i]; s++) {
      if (low[i][s] <= threshold[i]) {
        move(i, s, kept++);
      }
    }
    size[i] = kept;
  }

  /** Direct sums for all candidates, then only the k smallest stay and define the threshold. */
  private void compact(int i) {
    resolve(i);
    Integer[] order = new Integer[size[i]];
    for (int s = 0; s < order.length; s++) {
      order[s] = s;
    }
    double[] v = Arrays.copyOf(low[i], size[i]);
    Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
    int[] idx = Arrays.copyOf(index[i], size[i]);
    for (int s = 0; s < k; s++) {
      index[i][s] = idx[order[s]];
      low[i][s] = v[order[s]];
      high[i][s] = v[order[s]];
      exact[i][s] = true;
    }
    size[i] = k;
    threshold[i] = low[i][k - 1];
  }

  private void resolve(int i) {
    for (int s = 0; s < size[i]; s++) {
      if (!exact[i][s]) {
        double e = PairwiseDistances.exactSquared(x, i, x, index[i][s]);
        low[i][s] = e;
        high[i][s] = e;
        exact[i][s] = true;
      }
    }
  }

  private double finish(int i) {
    resolve(i);
    double[] v = Arrays.copyOf(low[i], size[i]);
    Arrays.sort(v);
    return v[k - 1];
  }

  private void move(int i, int from, int to) {
    index[i][to] = index[i][from];
    low[i][to] = low[i][from];
    high[i][to] = high[i][from];
    exact[i][to] = exact[i][from];
  }
}
