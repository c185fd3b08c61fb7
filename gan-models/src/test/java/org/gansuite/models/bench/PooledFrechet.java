package org.gansuite.models.bench;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A cheap, documented distance for the learning check (not FID): each 8-bit image is averaged over
 * 4x4 blocks (a 32x32 image gives 8x8 = 64 values per channel, scaled to [0, 1]); the two sets are
 * summarised by Gaussians (mean, unbiased covariance, double precision) and compared with the
 * Frechet distance |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr(sqrt(sqrt(S1) S2 sqrt(S1))), the trace
 * term from symmetric eigen-decompositions (Commons Math).
 */
final class PooledFrechet {

  private PooledFrechet() {}

  /** {@code images}: count x (h*w*c) 8-bit HWC values; h and w divisible by 8. */
  static double[][] pooled(byte[][] images, int h, int w, int c) {
    int bh = h / 8;
    int bw = w / 8;
    double[][] out = new double[images.length][64 * c];
    for (int n = 0; n < images.length; n++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int k = 0; k < c; k++) {
            out[n][((y / bh) * 8 + x / bw) * c + k] += (images[n][(y * w + x) * c + k] & 0xFF) / 255.0 / (bh * bw);
          }
        }
      }
    }
    return out;
  }

  static double distance(double[][] a, double[][] b) {
    double[] ma = mean(a);
    double[] mb = mean(b);
    RealMatrix sa = covariance(a, ma);
    RealMatrix sb = covariance(b, mb);
    double d2 = 0;
    for (int i = 0; i < ma.length; i++) {
      d2 += (ma[i] - mb[i]) * (ma[i] - mb[i]);
    }
    RealMatrix rootA = sqrtPsd(sa);
    RealMatrix inner = rootA.multiply(sb).multiply(rootA);
    inner = inner.add(inner.transpose()).scalarMultiply(0.5); // symmetric up to rounding
    double traceRoot = 0;
    for (double ev : new EigenDecomposition(inner).getRealEigenvalues()) {
      traceRoot += Math.sqrt(Math.max(ev, 0));
    }
    return d2 + sa.getTrace() + sb.getTrace() - 2 * traceRoot;
  }

  private static double[] mean(double[][] x) {
    double[] m = new double[x[0].length];
    for (double[] row : x) {
      for (int i = 0; i < m.length; i++) {
        m[i] += row[i] / x.length;
      }
    }
    return m;
  }

  private static RealMatrix covariance(double[][] x, double[] m) {
    int d = m.length;
    double[][] s = new double[d][d];
    for (double[] row : x) {
      for (int i = 0; i < d; i++) {
        double di = row[i] - m[i];
        for (int j = 0; j <= i; j++) {
          s[i][j] += di * (row[j] - m[j]);
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        s[i][j] /= x.length - 1;
        s[j][i] = s[i][j];
      }
    }
    return new Array2DRowRealMatrix(s, false);
  }

  private static RealMatrix sqrtPsd(RealMatrix s) {
    var e = new EigenDecomposition(s);
    double[] ev = e.getRealEigenvalues();
    RealMatrix v = e.getV();
    RealMatrix d = new Array2DRowRealMatrix(ev.length, ev.length);
    for (int i = 0; i < ev.length; i++) {
      d.setEntry(i, i, Math.sqrt(Math.max(ev[i], 0)));
    }
    return v.multiply(d).multiply(v.transpose());
  }
}
