package org.gansuite.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class GradientPenaltyTest {

  /** A linear critic w . x has input gradient w everywhere: penalty (|w| - 1)^2 = (5 - 1)^2 for w = (3, 4). */
  @Test
  void linearCriticPenaltyIsHandComputed() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var w = tf.constant(Shape.of(2, 1), DataBuffers.of(3f, 4f));
      var x = tf.constant(Shape.of(3, 2), DataBuffers.of(1f, 2f, -1f, 0f, 5f, 5f));
      var penalty = GradientPenalty.at(tf, v -> tf.linalg.matMul(v, w), x);
      assertEquals(16f, GraphRunner.fetch(s, penalty)[0], 1e-5f);
    }
  }

  /**
   * On a tiny nonlinear critic the gradient norm equals central differences of the critic, and the
   * penalty's own gradient with respect to the critic's weights (second order) equals central
   * differences of the penalty.
   */
  @Test
  void gradientNormAndSecondOrderGradientMatchFiniteDifferences() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g, 1, 1)) {
      Ops tf = Ops.create(g);
      var net = new Network(tf, "critic", 5, Init.GLOROT_UNIFORM);
      var d1 = new Dense(net, 3, 4);
      var d2 = new Dense(net, 4, 1);
      java.util.function.Function<org.tensorflow.Operand<TFloat32>, org.tensorflow.Operand<TFloat32>> critic =
          v -> d2.apply(Act.leakyRelu(tf, d1.apply(v, Pass.training()), 0.2f), Pass.training());
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3)));
      var out = critic.apply(x);
      var norm = GradientPenalty.gradientNorm(tf, critic, x);
      var penalty = GradientPenalty.at(tf, critic, x);
      var kernel = d1.kernel();
      Output<?>[] dPenalty = g.addGradients(penalty.asOutput(), new Output<?>[] {kernel.asOutput()});
      s.initialize();
      float[] xv = {0.3f, -0.8f, 0.5f, -0.2f, 0.9f, 0.1f};
      float[] norms = run(s, norm, x, xv);
      double h = 1e-2;
      for (int i = 0; i < 2; i++) {
        double sq = 0;
        for (int j = 0; j < 3; j++) {
          float[] p = xv.clone();
          float[] m = xv.clone();
          p[i * 3 + j] += h;
          m[i * 3 + j] -= h;
          double dj = (run(s, out, x, p)[i] - run(s, out, x, m)[i]) / (2 * h);
          sq += dj * dj;
        }
        assertEquals(Math.sqrt(sq), norms[i], 1e-3 * (1 + Math.sqrt(sq)));
      }
      @SuppressWarnings("unchecked")
      float[] analytic = run(s, (org.tensorflow.Operand<TFloat32>) dPenalty[0], x, xv);
      float[] w0 = GraphRunner.fetch(s, kernel);
      for (int k = 0; k < w0.length; k += 3) {
        double numeric = (penaltyAt(s, tf, kernel, w0, k, (float) h, penalty, x, xv)
            - penaltyAt(s, tf, kernel, w0, k, (float) -h, penalty, x, xv)) / (2 * h);
        assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), "d penalty / d w[" + k + "]");
      }
    }
  }

  private static double penaltyAt(Session s, Ops tf, org.tensorflow.op.core.Variable<TFloat32> v, float[] w0, int k,
      float delta, org.tensorflow.Operand<TFloat32> penalty, Placeholder<TFloat32> x, float[] xv) {
    float[] w = w0.clone();
    w[k] += delta;
    s.runner().addTarget(tf.assign(v, tf.constant(v.shape(), DataBuffers.of(w)))).run();
    double p = run(s, penalty, x, xv)[0];
    s.runner().addTarget(tf.assign(v, tf.constant(v.shape(), DataBuffers.of(w0)))).run();
    return p;
  }

  private static float[] run(Session s, org.tensorflow.Operand<TFloat32> y, Placeholder<TFloat32> x, float[] xv) {
    try (var t = TFloat32.tensorOf(x.shape(), DataBuffers.of(xv)); Result r = s.runner().feed(x, t).fetch(y).run()) {
      return GraphRunner.values((TFloat32) r.get(0));
    }
  }
}
