package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;

class SpectralNormAndAttentionTest {

  /** Power iteration converges to the largest singular value; reference: Commons Math's SVD. */
  @Test
  void powerIterationFindsTheLargestSingularValue() {
    float[] w = {0.5f, -1.0f, 2.0f, 1.5f, 0.3f, -0.7f, -0.2f, 0.9f, 1.1f, 0.4f, -1.3f, 0.8f};
    double[][] m = new double[4][3];
    for (int i = 0; i < 12; i++) {
      m[i / 3][i % 3] = w[i];
    }
    double expected = new SingularValueDecomposition(MatrixUtils.createRealMatrix(m)).getSingularValues()[0];
    try (var t = new LayerTestSupport()) {
      var kernel = t.net.variable("sn", "kernel", org.tensorflow.ndarray.Shape.of(4, 3), Init.ZEROS, true);
      var sn = new SpectralNorm(t.net, "sn", kernel);
      var train = Pass.training();
      var sigmaTrain = sn.sigma(train);
      var step = t.tf.withControlDependencies(train.updates()).noOp();
      var sigma = sn.sigma(Pass.inference());
      t.set(kernel, w);
      for (int i = 0; i < 50; i++) {
        t.session().runner().addTarget(step).run();
      }
      assertEquals(expected, GraphRunner.fetch(t.session(), sigma)[0], 1e-4 * expected);
      assertEquals(expected, GraphRunner.fetch(t.session(), sigmaTrain)[0], 1e-4 * expected);
      // The normalised weight has spectral norm 1.
      var normalised = GraphRunner.fetch(t.session(), sn.weight(Pass.inference()));
      double[][] n = new double[4][3];
      for (int i = 0; i < 12; i++) {
        n[i / 3][i % 3] = normalised[i];
      }
      assertEquals(1.0, new SingularValueDecomposition(MatrixUtils.createRealMatrix(n)).getSingularValues()[0], 1e-4);
    }
  }

  @Test
  void spectralNormDenseHasFiniteDifferenceGradients() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(2, 3);
      var y = new Dense(t.net, 3, 2, true, true).apply(x, Pass.training());
      t.checkInputGradient(y, x, LayerTestSupport.random(6, 8));
    }
  }

  /** Reference: the SAGAN formulas evaluated in plain Java on the layer's own weights. */
  @Test
  void selfAttentionStartsAsIdentityAndMatchesTheFormula() {
    try (var t = new LayerTestSupport()) {
      int c = 8;
      var x = t.input(1, 2, 2, c);
      var att = new SelfAttention(t.net, c, false);
      var y = att.apply(x, Pass.training());
      float[] xv = LayerTestSupport.random(4 * c, 11);
      assertArrayEquals(xv, t.run(y, x, xv), 0f);

      var vars = t.net.trainableVariables(); // f kernel, f bias, g kernel, g bias, h kernel, h bias, gamma
      t.set(vars.get(1), LayerTestSupport.random(1, 12));
      t.set(vars.get(3), LayerTestSupport.random(1, 13));
      t.set(vars.get(5), LayerTestSupport.random(c, 14));
      t.set(vars.get(6), 0.5f);
      float[] fk = GraphRunner.fetch(t.session(), vars.get(0));
      float[] fb = GraphRunner.fetch(t.session(), vars.get(1));
      float[] gk = GraphRunner.fetch(t.session(), vars.get(2));
      float[] gb = GraphRunner.fetch(t.session(), vars.get(3));
      float[] hk = GraphRunner.fetch(t.session(), vars.get(4));
      float[] hb = GraphRunner.fetch(t.session(), vars.get(5));
      int n = 4;
      double[][] f = project(xv, fk, fb, n, c, 1);
      double[][] g = project(xv, gk, gb, n, c, 1);
      double[][] h = project(xv, hk, hb, n, c, c);
      float[] expected = new float[n * c];
      for (int i = 0; i < n; i++) {
        double[] s = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          s[j] = g[i][0] * f[j][0];
          max = Math.max(max, s[j]);
        }
        double z = 0;
        for (int j = 0; j < n; j++) {
          s[j] = Math.exp(s[j] - max);
          z += s[j];
        }
        for (int k = 0; k < c; k++) {
          double o = 0;
          for (int j = 0; j < n; j++) {
            o += s[j] / z * h[j][k];
          }
          expected[i * c + k] = (float) (0.5 * o + xv[i * c + k]);
        }
      }
      assertArrayEquals(expected, t.run(y, x, xv), 1e-5f);
      t.checkInputGradient(y, x, xv);
    }
  }

  /** 1x1 convolution of n positions x c channels with a [c, out] kernel plus bias. */
  private static double[][] project(float[] x, float[] k, float[] b, int n, int c, int out) {
    double[][] r = new double[n][out];
    for (int i = 0; i < n; i++) {
      for (int o = 0; o < out; o++) {
        double s = b[o];
        for (int j = 0; j < c; j++) {
          s += x[i * c + j] * k[j * out + o];
        }
        r[i][o] = s;
      }
    }
    return r;
  }

}
