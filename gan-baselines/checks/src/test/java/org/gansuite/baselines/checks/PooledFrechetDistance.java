package org.gansuite.baselines.checks;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A stand-in distribution distance until gan-metrics' classifier-feature FID lands: the Fréchet
 * distance between Gaussians fitted to 4x4-average-pooled pixels (a 32x32 grey image becomes 8x8
 * = 64 values in [-1, 1]). d = |mu1 - mu2|^2 + tr S1 + tr S2 - 2 tr sqrt(S1 S2), with unbiased
 * covariances in double precision and tr sqrt(S1 S2) = sum of the square roots of the
 * eigenvalues of sqrt(S1) S2 sqrt(S1) (symmetric; Commons Math's eigen-decomposition). It sees
 * brightness, layout and coarse shape, not texture or class semantics: a learning check, not a
 * quality metric.
 */
final class PooledFrechetDistance {

  static final int POOL = 4;

  private PooledFrechetDistance() {}

  /** Pooled features of {@code count} images (NHWC floats in [-1, 1], channels averaged). */
  static double[][] features(float[] images, int count, int side, int channels) {
    int cells = side / POOL;
    double[][] out = new double[count][cells * cells];
    int per = side * side * channels;
    for (int n = 0; n < count; n++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          for (int c = 0; c < channels; c++) {
            out[n][(y / POOL) * cells + x / POOL] += images[n * per + (y * side + x) * channels + c];
          }
        }
      }
      for (int j = 0; j < out[n].length; j++) {
        out[n][j] /= POOL * POOL * channels;
      }
    }
    return out;
  }

  static double distance(double[][] a, double[][] b) {
    double[] mu1 = mean(a);
    double[] mu2 = mean(b);
    RealMatrix s1 = new Covariance(a, true).getCovarianceMatrix();
    RealMatrix s2 = new Covariance(b, true).getCovarianceMatrix();
    double d = 0;
    for (int i = 0; i < mu1.length; i++) {
      d += (mu1[i] - mu2[i]) * (mu1[i] - mu2[i]);
    }
    RealMatrix root1 = sqrtPsd(s1);
    RealMatrix inner = root1.multiply(s2).multiply(root1);
    inner = inner.add(inner.transpose()).scalarMultiply(0.5);
    double traceRoot = 0;
    for (double ev : new EigenDecomposition(inner).getRealEigenvalues()) {
      traceRoot += Math.sqrt(Math.max(ev, 0));
    }
    return d + s1.getTrace() + s2.getTrace() - 2 * traceRoot;
  }

  private static RealMatrix sqrtPsd(RealMatrix s) {
    var eig = new EigenDecomposition(s.add(s.transpose()).scalarMultiply(0.5));
    double[] ev = eig.getRealEigenvalues();
    RealMatrix v = eig.getV();
    double[][] d = new double[ev.length][ev.length];
    for (int i = 0; i < ev.length; i++) {
      d[i][i] = Math.sqrt(Math.max(ev[i], 0));
    }
    return v.multiply(new Array2DRowRealMatrix(d, false)).multiply(v.transpose());
  }

  private static double[] mean(double[][] x) {
    double[] m = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < m.length; j++) {
        m[j] += row[j] / x.length;
      }
    }
    return m;
  }
}
