package org.gansuite.baselines.wgangp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.nets.DcganDiscriminator;
import org.gansuite.core.nets.Norm;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class WganGpLossTest {

  /**
   * Linear critic D(x) = 3 x1 + 4 x2: its input gradient is (3, 4) everywhere, norm 5, so the
   * penalty is (5 - 1)^2 = 16 at any interpolate. Real rows (1, 2), (-1, 0) give D = 11, -3 (mean
   * 4); fake rows (0.5, 0.5), (2, -1) give 3.5, 2 (mean 2.75). Total = 2.75 - 4 + 10 * 16 = 158.75.
   */
  @Test
  void criticLossOnALinearCriticEqualsHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var w = tf.constant(Shape.of(2, 1), DataBuffers.of(3f, 4f));
      // Images of 1x1 pixels with 2 channels (NHWC), flattened to rows.
      Function<Operand<TFloat32>, Operand<TFloat32>> critic =
          x -> tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, 2})), w);
      var real = tf.constant(Shape.of(2, 1, 1, 2), DataBuffers.of(1f, 2f, -1f, 0f));
      var fake = tf.constant(Shape.of(2, 1, 1, 2), DataBuffers.of(0.5f, 0.5f, 2f, -1f));
      var seed = tf.constant(new long[] {1, 2});
      var loss = WganGpLoss.critic(tf, critic, real, fake, critic.apply(real), critic.apply(fake), seed, 10f);
      assertEquals(-1.25, GraphRunner.fetch(s, loss.wasserstein())[0], 1e-5);
      assertEquals(16, GraphRunner.fetch(s, loss.penalty())[0], 1e-4);
      assertEquals(158.75, GraphRunner.fetch(s, loss.total())[0], 1e-3);
    }
  }

  /**
   * The model's critic (the DCGAN discriminator, tiny: 16x16x1, df = 2, no norm or layer norm) in
   * the model's loss, with real = fake so that every interpolate is x itself: the Wasserstein term
   * vanishes and the loss must equal lambda * mean_i (||grad D(x_i)|| - 1)^2 with the gradient
   * norm from central differences of D over every pixel. Glorot weights give gradient norms far
   * from 0 and from 1, so a wrong norm cannot hide behind the "- 1".
   */
  @ParameterizedTest
  @EnumSource(value = Norm.class, names = {"NONE", "LAYER"})
  void penaltyOfTheModelsCriticEqualsFiniteDifferences(Norm norm) {
    var shape = new ImageShape(16, 16, 1);
    int batch = 2;
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g, 1, 1)) {
      Ops tf = Ops.create(g);
      var net = new Network(tf, "discriminator", 11, Init.GLOROT_UNIFORM);
      var critic = new DcganDiscriminator(net, shape, 2, norm);
      Pass pass = Pass.training();
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, 16, 16, 1)));
      var values = critic.logits(x, pass);
      var loss = WganGpLoss.critic(tf, v -> critic.logits(v, pass), x, x, values, values,
          tf.constant(new long[] {3, 4}), 10f);
      s.initialize();
      float[] x0 = new float[batch * shape.pixels()];
      var rng = new SplittableRandom(5);
      for (int i = 0; i < x0.length; i++) {
        x0[i] = (float) (rng.nextDouble() * 2 - 1);
      }
      double expected = 0;
      double h = 1e-2;
      for (int b = 0; b < batch; b++) {
        double sq = 0;
        for (int j = 0; j < shape.pixels(); j++) {
          int i = b * shape.pixels() + j;
          float[] p = x0.clone();
          float[] m = x0.clone();
          p[i] += (float) h;
          m[i] -= (float) h;
          double d = (run(s, values, x, p)[b] - run(s, values, x, m)[b]) / (2 * h);
          sq += d * d;
        }
        double normFd = Math.sqrt(sq);
        assertTrue(Math.abs(normFd - 1) > 0.1, "gradient norm " + normFd + " too close to 1 to tell");
        expected += (normFd - 1) * (normFd - 1) / batch;
      }
      assertEquals(0, run(s, loss.wasserstein(), x, x0)[0], 1e-6);
      assertEquals(10 * expected, run(s, loss.total(), x, x0)[0], 1e-2 * (1 + 10 * expected));
    }
  }

  private static float[] run(Session s, Operand<TFloat32> y, Placeholder<TFloat32> x, float[] xv) {
    try (var t = TFloat32.tensorOf(x.shape(), DataBuffers.of(xv));
        Result r = s.runner().feed(x, t).fetch(y).run()) {
      return GraphRunner.values((TFloat32) r.get(0));
    }
  }
}
