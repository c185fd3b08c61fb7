package org.gansuite.metrics.impl;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.metrics.FeatureMatrix;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat64;

/**
 * Squared Euclidean distances between the rows of two feature matrices, block by block, with a
 * certified error bound, and the exact distance where a comparison falls inside that bound.
 *
 * <p>The fast path is the expansion {@code |x|^2 + |y|^2 - 2 x.y} (as scikit-learn's
 * {@code euclidean_distances}), with the Gram block {@code X_b Y_b^T} from a float64 TensorFlow
 * matmul: a block of 1024 x 1024 needs 8 MB, never the full N x M matrix. Its rounding differs from
 * the direct sum {@code sum_c (x_c - y_c)^2}, which is what this package calls <em>the</em> distance
 * (symmetric bit for bit, exactly 0 between equal points). {@link #bound} bounds
 * |expansion - direct sum| for any summation order of the matmul (Higham's gamma_d bound on both
 * dot products and both norms, doubled), so a comparison of a distance with a radius is decided from
 * the expansion when it is clear by more than the bound, and from the direct sum otherwise: the
 * decisions equal those of direct sums everywhere, ties included.
 */
public final class PairwiseDistances implements AutoCloseable {

  /** Unit roundoff of float64. */
  static final double U = 0x1p-53;

  /** Visits one block of approximate squared distances {@code xx[i] + yy[j] - 2 gram[r * cols + c]}. */
  public interface BlockVisitor {
    /**
     * @param rowStart first row of x in the block
     * @param rows rows of the block
     * @param colStart first row of y in the block
     * @param cols columns of the block
     * @param gram {@code rows * cols} dot products, row-major
     */
    void visit(int rowStart, int rows, int colStart, int cols, double[] gram);
  }

  private final int block;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat64> a;
  private final Placeholder<TFloat64> b;
  private final Operand<TFloat64> gram;

  public PairwiseDistances(ComputeDevice device, int block) {
    if (block < 1) {
      throw new IllegalArgumentException("block size must be >= 1, got " + block);
    }
    this.block = block;
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    a = tf.placeholder(TFloat64.class);
    b = tf.placeholder(TFloat64.class);
    gram = tf.linalg.matMul(a, b, MatMul.transposeB(true));
    session = device.session(graph);
  }

  /**
   * Visits every block of {@code x} rows against {@code y} rows; with {@code upperOnly} (x and y the
   * same matrix) only blocks whose column block is at or after the row block.
   */
  public void forEachBlock(FeatureMatrix x, FeatureMatrix y, boolean upperOnly, BlockVisitor visitor) {
    int d = x.cols();
    for (int r0 = 0; r0 < x.rows(); r0 += block) {
      int rows = Math.min(block, x.rows() - r0);
      try (TFloat64 ta = Tensors.float64(slice(x, r0, rows), rows, d)) {
        for (int c0 = upperOnly ? r0 : 0; c0 < y.rows(); c0 += block) {
          int cols = Math.min(block, y.rows() - c0);
          try (TFloat64 tb = Tensors.float64(slice(y, c0, cols), cols, d);
              Result res = session.runner().feed(a, ta).feed(b, tb).fetch(gram).run()) {
            visitor.visit(r0, rows, c0, cols, Tensors.doubles(res.get(0)));
          }
        }
      }
    }
  }

  private static double[] slice(FeatureMatrix m, int from, int rows) {
    if (from == 0 && rows == m.rows()) {
      return m.values();
    }
    double[] out = new double[rows * m.cols()];
    System.arraycopy(m.values(), from * m.cols(), out, 0, out.length);
    return out;
  }

  /** Squared norm of every row, summed in order. */
  public static double[] squaredNorms(FeatureMatrix m) {
    double[] out = new double[m.rows()];
    double[] v = m.values();
    int d = m.cols();
    for (int i = 0; i < out.length; i++) {
      double s = 0;
      for (int c = i * d, end = c + d; c < end; c++) {
        s += v[c] * v[c];
      }
      out[i] = s;
    }
    return out;
  }

  /** The distance's square: {@code sum_c (x_ic - y_jc)^2}, summed in order of c. */
  public static double exactSquared(FeatureMatrix x, int i, FeatureMatrix y, int j) {
    double[] xv = x.values();
    double[] yv = y.values();
    int d = x.cols();
    int xi = i * d;
    int yj = j * d;
    double s = 0;
    for (int c = 0; c < d; c++) {
      double t = xv[xi + c] - yv[yj + c];
      s += t * t;
    }
    return s;
  }

  /**
   * A bound on |expansion - direct sum| for squared norms {@code xx}, {@code yy} in dimension d:
   * each of the expansion's dot products and norms errs by at most gamma_d (|x|^2 + |y|^2)/2 or
   * gamma_d |x|^2, its two additions by u (|x|^2 + |y|^2) each, the direct sum by gamma_(d+3)
   * (|x| + |y|)^2; 8 (d + 4) u (|x|^2 + |y|^2) covers their sum twice over. The absolute term covers
   * subnormal flushing.
   */
  public static double bound(double xx, double yy, int d) {
    return 8.0 * (d + 4) * U * (xx + yy) + 4.0 * d * Double.MIN_NORMAL;
  }

  /**
   * Whether {@code sqrt(exactSquared(x, i, y, j)) < radius}, {@code radius = sqrt(rho)} with
   * {@code rho} a direct sum; decided from the expansion {@code approx} when it lies outside
   * {@code rho} by more than its bound plus the square root's rounding.
   */
  public static boolean closerThan(double approx, double bound, double rho, double radius, FeatureMatrix x, int i,
      FeatureMatrix y, int j) {
    double margin = bound + 8 * U * rho;
    if (approx < rho - margin) {
      return true;
    }
    if (approx > rho + margin) {
      return false;
    }
    return Math.sqrt(exactSquared(x, i, y, j)) < radius;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
