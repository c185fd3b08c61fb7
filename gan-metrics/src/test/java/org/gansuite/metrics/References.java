package org.gansuite.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Test references: committed files and a Commons Math path independent of TensorFlow. */
final class References {

  private References() {}

  static Path resource(String name) {
    try {
      return Path.of(References.class.getResource("/reference/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  /** Values written by src/test/python/make_feature_references.py (numpy + scipy). */
  static double expected(String file, String key) {
    Properties p = new Properties();
    try (InputStream in = References.class.getResourceAsStream("/reference/" + file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException(file + " lacks " + key);
    }
    return Double.parseDouble(v);
  }

  /** Two-pass mean and (N-1) covariance in plain Java. */
  static FeatureStats stats(FeatureMatrix x) {
    int n = x.rows();
    int d = x.cols();
    double[] mu = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mu[j] += x.get(i, j) / n;
      }
    }
    double[] s = new double[d * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          s[j * d + k] += (x.get(i, j) - mu[j]) * (x.get(i, k) - mu[k]) / (n - 1);
        }
      }
    }
    return new FeatureStats(n, mu, s);
  }

  /** FID with Commons Math's eigen-decomposition: tr sqrt(S1 S2) = sum sqrt(eig(sqrt(S1) S2 sqrt(S1))). */
  static double fid(FeatureStats a, FeatureStats b) {
    int d = a.dim();
    RealMatrix s1 = matrix(a.sigma(), d);
    RealMatrix s2 = matrix(b.sigma(), d);
    EigenDecomposition e1 = new EigenDecomposition(s1);
    RealMatrix sqrt1 = e1.getSquareRoot();
    RealMatrix m = sqrt1.multiply(s2).multiply(sqrt1);
    double tr = 0;
    for (double ev : new EigenDecomposition(m.add(m.transpose()).scalarMultiply(0.5)).getRealEigenvalues()) {
      tr += Math.sqrt(Math.max(ev, 0));
    }
    double diff = 0;
    for (int i = 0; i < d; i++) {
      diff += (a.mu()[i] - b.mu()[i]) * (a.mu()[i] - b.mu()[i]);
    }
    return diff + s1.getTrace() + s2.getTrace() - 2 * tr;
  }

  private static RealMatrix matrix(double[] v, int d) {
    double[][] rows = new double[d][d];
    for (int i = 0; i < d; i++) {
      System.arraycopy(v, i * d, rows[i], 0, d);
    }
    return new Array2DRowRealMatrix(rows, false);
  }
}
