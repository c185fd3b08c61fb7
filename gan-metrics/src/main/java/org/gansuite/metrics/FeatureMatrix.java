package org.gansuite.metrics;

import java.util.Objects;

/**
 * N feature vectors of dimension d (or N class-probability vectors), row-major float64. The
 * input of {@link FeatureStats#of}, {@link Kid} and {@link InceptionScore}.
 *
 * @param rows number of samples N
 * @param cols dimension d
 * @param values {@code rows * cols} values, row after row; not copied, do not modify
 */
public record FeatureMatrix(int rows, int cols, double[] values) {

  public FeatureMatrix {
    Objects.requireNonNull(values, "values");
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("feature matrix must be non-empty, got " + rows + " x " + cols);
    }
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException(
          "feature matrix " + rows + " x " + cols + " needs " + (long) rows * cols + " values, got " + values.length);
    }
  }

  public double get(int row, int col) {
    return values[row * cols + col];
  }

  /** Rows {@code indices[0], indices[1], ...} as a new matrix. */
  public FeatureMatrix selectRows(int[] indices) {
    double[] out = new double[indices.length * cols];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * cols, out, i * cols, cols);
    }
    return new FeatureMatrix(indices.length, cols, out);
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
  public FeatureMatrix rowRange(int from, int to) {
    if (from < 0 || to > rows || from >= to) {
      throw new IllegalArgumentException("row range [" + from + ", " + to + ") outside 0.." + rows);
    }
    double[] out = new double[(to - from) * cols];
    System.arraycopy(values, from * cols, out, 0, out.length);
    return new FeatureMatrix(to - from, cols, out);
  }
}
