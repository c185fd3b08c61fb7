package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.model.GradientPenalty;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A gradient penalty through layer norm must be differentiable again (WGAN-GP with a layer-norm critic). */
class LayerNormSecondOrderTest {

  @Test
  void penaltyGradientWithRespectToLayerNormScaleMatchesFiniteDifferences() {
    try (var t = new LayerTestSupport()) {
      var ln = new LayerNorm(t.net, 3, 1e-5f);
      var dense = new Dense(t.net, 3, 1);
      Placeholder<TFloat32> x = t.input(2, 3);
      java.util.function.Function<Operand<TFloat32>, Operand<TFloat32>> critic =
          v -> dense.apply(Act.leakyRelu(t.tf, ln.apply(v), 0.2f), Pass.training());
      var penalty = GradientPenalty.at(t.tf, critic, x);
      var scale = t.net.trainableVariables().get(0);
      Output<?>[] g = t.graph.addGradients(penalty.asOutput(), new Output<?>[] {scale.asOutput()});
      float[] x0 = {0.3f, -0.8f, 0.5f, -0.2f, 0.9f, 0.1f};
      @SuppressWarnings("unchecked")
      float[] analytic = t.run((Operand<TFloat32>) g[0], x, x0);
      float h = 1e-2f;
      for (int k = 0; k < 3; k++) {
        float[] p = {1, 1, 1};
        float[] m = {1, 1, 1};
        p[k] += h;
        m[k] -= h;
        t.set(scale, p);
        double up = t.run(penalty, x, x0)[0];
        t.set(scale, m);
        double down = t.run(penalty, x, x0)[0];
        double numeric = (up - down) / (2 * h);
        assertEquals(numeric, analytic[k], 2e-3 + 2e-2 * Math.abs(numeric), "d penalty / d scale[" + k + "]");
      }
    }
  }
}
