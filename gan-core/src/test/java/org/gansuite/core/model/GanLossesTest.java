package org.gansuite.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Losses on fixed logits real = [2, -1], fake = [0.5, -3] against hand-computed values. */
class GanLossesTest {

  private static double sp(double x) { // softplus, log(1 + e^x)
    return Math.log1p(Math.exp(x));
  }

  private static float value(java.util.function.BiFunction<Ops, Operand<TFloat32>[], Operand<TFloat32>> loss) {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      @SuppressWarnings("unchecked")
      Operand<TFloat32>[] in = new Operand[] {
          tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f)), tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f))};
      return GraphRunner.fetch(s, loss.apply(tf, in))[0];
    }
  }

  @Test
  void minimaxAndNonSaturating() {
    // -mean log sigmoid(real) - mean log(1 - sigmoid(fake))
    double d = (sp(-2) + sp(1)) / 2 + (sp(0.5) + sp(-3)) / 2;
    assertEquals(d, value((tf, x) -> GanLosses.minimaxDiscriminator(tf, x[0], x[1])), 1e-6);
    assertEquals(-(sp(0.5) + sp(-3)) / 2, value((tf, x) -> GanLosses.minimaxGenerator(tf, x[1])), 1e-6);
    assertEquals((sp(-0.5) + sp(3)) / 2, value((tf, x) -> GanLosses.nonSaturatingGenerator(tf, x[1])), 1e-6);
    // log 2 + 1.75 ... spot value computed by hand: sp(-2)=0.126928, sp(1)=1.313262, sp(.5)=0.974077, sp(-3)=0.048587
    assertEquals(1.231427, d, 1e-6);
  }

  @Test
  void leastSquares() {
    // 0.5 * ((2-1)^2 + (-1-1)^2) / 2 + 0.5 * (0.5^2 + 3^2) / 2 = 1.25 + 2.3125
    assertEquals(3.5625f, value((tf, x) -> GanLosses.leastSquaresDiscriminator(tf, x[0], x[1], 0f, 1f)), 1e-6f);
    // 0.5 * ((0.5-1)^2 + (-3-1)^2) / 2
    assertEquals(4.0625f, value((tf, x) -> GanLosses.leastSquaresGenerator(tf, x[1], 1f)), 1e-6f);
  }

  @Test
  void wassersteinAndHinge() {
    assertEquals(-1.75f, value((tf, x) -> GanLosses.wassersteinCritic(tf, x[0], x[1])), 1e-6f);
    assertEquals(1.25f, value((tf, x) -> GanLosses.wassersteinGenerator(tf, x[1])), 1e-6f);
    // mean(relu(1 - [2, -1])) + mean(relu(1 + [0.5, -3])) = (0 + 2) / 2 + (1.5 + 0) / 2
    assertEquals(1.75f, value((tf, x) -> GanLosses.hingeDiscriminator(tf, x[0], x[1])), 1e-6f);
  }
}
