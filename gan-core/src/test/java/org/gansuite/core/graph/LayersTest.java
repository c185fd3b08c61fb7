package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;

/** Forward values against hand-computed ones; input gradients against finite differences. */
class LayersTest {

  @Test
  void denseComputesXWPlusB() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(2, 2);
      var d = new Dense(t.net, 2, 3);
      var y = d.apply(x, Pass.training());
      t.set(d.kernel(), 1, 2, 3, 4, 5, 6);
      // [[1, 2], [-1, 0.5]] x [[1, 2, 3], [4, 5, 6]] + 0
      assertArrayEquals(new float[] {9, 12, 15, 1, 0.5f, 0}, t.run(y, x, new float[] {1, 2, -1, 0.5f}), 1e-6f);
      t.checkInputGradient(y, x, LayerTestSupport.random(4, 1));
    }
  }

  @Test
  void convSamePaddingMatchesHandComputedSums() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(1, 3, 3, 1);
      var conv = new Conv2d(t.net, 3, 1, 1, 1, false, false);
      var y = conv.apply(x, Pass.training());
      t.set(t.net.trainableVariables().get(0), 1, 1, 1, 1, 1, 1, 1, 1, 1);
      // A 3x3 box sum with zero padding over 1..9.
      float[] out = t.run(y, x, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
      assertArrayEquals(new float[] {12, 21, 16, 27, 45, 33, 24, 39, 28}, out, 1e-5f);
    }
  }

  @Test
  void strideTwoConvAndItsGradient() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(1, 4, 4, 2);
      var conv = new Conv2d(t.net, 5, 2, 3, 2, true, false);
      var y = conv.apply(x, Pass.training());
      assertArrayEquals(new long[] {1, 2, 2, 3}, y.shape().asArray());
      t.checkInputGradient(y, x, LayerTestSupport.random(32, 2));
    }
  }

  /** A transposed convolution is the adjoint of the convolution with the same kernel: <Kx, y> = <x, K^T y>. */
  @Test
  void transposedConvIsTheAdjointOfConvAndDoublesTheSize() {
    try (var t = new LayerTestSupport()) {
      var small = t.input(1, 2, 2, 3);
      var deconv = new ConvTranspose2d(t.net, 5, 3, 2, 2, false, false);
      var up = deconv.apply(small, Pass.training());
      assertArrayEquals(new long[] {1, 4, 4, 2}, up.shape().asArray());
      var big = t.input(1, 4, 4, 2);
      var kernel = t.net.trainableVariables().get(0);
      var down = t.tf.nn.conv2d(big, kernel, java.util.List.of(1L, 2L, 2L, 1L), "SAME");
      float[] xv = LayerTestSupport.random(32, 3);
      float[] yv = LayerTestSupport.random(12, 4);
      float[] kx = t.run(down, big, xv);
      float[] kty = t.run(up, small, yv);
      double lhs = 0;
      double rhs = 0;
      for (int i = 0; i < kx.length; i++) {
        lhs += kx[i] * yv[i];
      }
      for (int i = 0; i < kty.length; i++) {
        rhs += xv[i] * kty[i];
      }
      assertEquals(lhs, rhs, 1e-5 * (1 + Math.abs(lhs)));
      t.checkInputGradient(up, small, yv);
    }
  }

  @Test
  void batchNormUsesBatchStatisticsInTrainingAndMovingAveragesInInference() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(4, 1, 1, 1);
      var bn = new BatchNorm(t.net, 1, 0.9f, 1e-5f);
      var train = Pass.training();
      var y = bn.apply(x, train);
      var infer = bn.apply(x, Pass.inference());
      float[] xv = {1, 2, 3, 4};
      // mean 2.5, population variance 1.25
      float s = (float) Math.sqrt(1.25 + 1e-5);
      assertArrayEquals(new float[] {-1.5f / s, -0.5f / s, 0.5f / s, 1.5f / s}, t.run(y, x, xv), 1e-5f);
      var updates = t.tf.withControlDependencies(train.updates()).noOp();
      try (var in = org.tensorflow.types.TFloat32.tensorOf(Shape.of(4, 1, 1, 1),
          org.tensorflow.ndarray.buffer.DataBuffers.of(xv))) {
        t.session().runner().feed(x, in).addTarget(updates).run();
      }
      // moving mean 0.9 * 0 + 0.1 * 2.5; moving variance 0.9 * 1 + 0.1 * (5 / 3) (Bessel-corrected)
      float mm = 0.25f;
      float mv = 0.9f + 0.1f * 5f / 3f;
      float[] expected = new float[4];
      for (int i = 0; i < 4; i++) {
        expected[i] = (float) ((xv[i] - mm) / Math.sqrt(mv + 1e-5));
      }
      assertArrayEquals(expected, t.run(infer, x, xv), 1e-5f);
      t.checkInputGradient(y, x, new float[] {0.3f, -0.7f, 1.1f, 0.2f});
    }
  }

  @Test
  void layerNormNormalisesEachSample() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(2, 1, 2, 1);
      var y = new LayerNorm(t.net, 1, 0f).apply(x);
      // Each sample [a, b] maps to [-1, 1] when a < b (mean (a+b)/2, std |b-a|/2).
      assertArrayEquals(new float[] {-1, 1, 1, -1}, t.run(y, x, new float[] {1, 3, 5, -2}), 1e-5f);
      var x2 = t.input(2, 2, 1, 2);
      t.checkInputGradient(new LayerNorm(t.net, 2, 1e-5f).apply(x2), x2, LayerTestSupport.random(8, 5));
    }
  }

  @Test
  void activationsAndUpsampling() {
    try (var t = new LayerTestSupport()) {
      var x = t.input(1, 2, 2, 1);
      float[] xv = {-2, -0.5f, 0, 3};
      assertArrayEquals(new float[] {-0.4f, -0.1f, 0, 3}, t.run(Act.leakyRelu(t.tf, x, 0.2f), x, xv), 1e-6f);
      assertArrayEquals(new float[] {(float) Math.expm1(-2), (float) Math.expm1(-0.5), 0, 3},
          t.run(Act.elu(t.tf, x), x, xv), 1e-6f);
      assertArrayEquals(new float[] {0, 0, 0, 3}, t.run(Act.relu(t.tf, x), x, xv), 0f);
      assertArrayEquals(new float[] {(float) Math.tanh(-2), (float) Math.tanh(-0.5), 0, (float) Math.tanh(3)},
          t.run(Act.tanh(t.tf, x), x, xv), 1e-6f);
      var up = Act.upsampleNearest(t.tf, x, 2);
      assertArrayEquals(new float[] {-2, -2, -0.5f, -0.5f, -2, -2, -0.5f, -0.5f, 0, 0, 3, 3, 0, 0, 3, 3},
          t.run(up, x, xv), 0f);
      t.checkInputGradient(Act.elu(t.tf, x), x, new float[] {-1.3f, -0.4f, 0.6f, 2});
      t.checkInputGradient(Act.leakyRelu(t.tf, x, 0.2f), x, new float[] {-1.3f, -0.4f, 0.6f, 2});
      t.checkInputGradient(up, x, xv);
      assertArrayEquals(new long[] {-1, 4}, Act.flatten(t.tf, t.input(-1, 2, 2, 1)).shape().asArray());
    }
  }
}
