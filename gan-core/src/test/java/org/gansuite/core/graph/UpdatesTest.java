package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.GraphRunner;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class UpdatesTest {

  /** loss = sum(w^2) / 2, so the gradient is w. */
  private static float[] oneStep(OptimizerSpec spec, float[] w0) {
    try (var t = new LayerTestSupport()) {
      var w = t.net.variable("p", "w", Shape.of(w0.length), Init.ZEROS, true);
      // Read through Identity: the C++ gradient of Square builds a constant of its input's type, which
      // for a reference variable is float_ref and crashes TF.
      var loss = t.tf.math.mul(t.tf.constant(0.5f), t.tf.reduceSum(t.tf.math.square(t.tf.identity(w)), t.tf.constant(0)));
      Op step = Updates.minimize(t.tf, spec, "opt", loss, t.net, List.of());
      t.set(w, w0);
      t.session().runner().addTarget(step).run();
      return GraphRunner.fetch(t.session(), w);
    }
  }

  @Test
  void adamFirstStepMovesByTheLearningRateAgainstTheGradientSign() {
    // m = (1-b1) g, v = (1-b2) g^2, lr_t = lr sqrt(1-b2)/(1-b1): w - lr_t m / (sqrt(v) + eps) = w - lr sign(g)
    float[] w = oneStep(OptimizerSpec.adam(0.1, 0.5, 0.999), new float[] {2f, -3f, 0.5f});
    assertArrayEquals(new float[] {1.9f, -2.9f, 0.4f}, w, 1e-5f);
  }

  /** A step over two networks moves both (Adam's first step: lr against the gradient's sign). */
  @Test
  void listOfNetworksUpdatesEachOfThem() {
    try (var t = new LayerTestSupport()) {
      var other = new Network(t.tf, "other", 1, Init.ZEROS);
      var a = t.net.variable("p", "a", Shape.of(1), Init.ZEROS, true);
      var b = other.variable("p", "b", Shape.of(1), Init.ZEROS, true);
      var loss = t.tf.math.mul(t.tf.constant(0.5f), t.tf.reduceSum(t.tf.math.add(
          t.tf.math.square(t.tf.identity(a)), t.tf.math.square(t.tf.identity(b))), t.tf.constant(0)));
      Op step = Updates.minimize(t.tf, OptimizerSpec.adam(0.1, 0.5, 0.999), "opt", loss, List.of(t.net, other), List.of());
      t.set(a, new float[] {2f});
      t.set(b, new float[] {-3f});
      t.session().runner().addTarget(step).run();
      assertArrayEquals(new float[] {1.9f}, GraphRunner.fetch(t.session(), a), 1e-5f);
      assertArrayEquals(new float[] {-2.9f}, GraphRunner.fetch(t.session(), b), 1e-5f);
    }
  }

  /**
   * A joint step computes every gradient before any update. a = b = 1, loss_a = (a - 2)^2 / 2
   * (gradient -1: Adam's first step moves a to 1.1), loss_b = (b - a)^2 / 2 (gradient 0 while a is
   * 1: b stays 1). Stepped in turn, b's step sees a = 1.1 (gradient -0.1) and b moves to 1.1.
   */
  @Test
  void jointStepsReadTheVariablesAsTheyWereBeforeTheStep() {
    assertArrayEquals(new float[] {1.1f, 1f}, twoLosses(true), 1e-6f);
    assertArrayEquals(new float[] {1.1f, 1.1f}, twoLosses(false), 1e-6f);
  }

  private static float[] twoLosses(boolean joint) {
    try (var t = new LayerTestSupport()) {
      var other = new Network(t.tf, "other", 1, Init.ZEROS);
      var a = t.net.variable("p", "a", Shape.of(1), Init.ZEROS, true);
      var b = other.variable("p", "b", Shape.of(1), Init.ZEROS, true);
      var half = t.tf.constant(0.5f);
      var lossA = t.tf.math.mul(half, t.tf.reduceSum(t.tf.math.square(
          t.tf.math.sub(t.tf.identity(a), t.tf.constant(2f))), t.tf.constant(0)));
      var lossB = t.tf.math.mul(half, t.tf.reduceSum(t.tf.math.square(
          t.tf.math.sub(t.tf.identity(b), t.tf.identity(a))), t.tf.constant(0)));
      var spec = OptimizerSpec.adam(0.1, 0.5, 0.999);
      var optA = new Updates.Optimizer(t.tf, spec, "a_adam", List.of(t.net));
      var optB = new Updates.Optimizer(t.tf, spec, "b_adam", List.of(other));
      List<Op> steps = joint
          ? List.of(Updates.minimizeTogether(t.tf, List.of(optA, optB), List.of(lossA, lossB), List.of()))
          : List.of(optA.step(lossA, List.of()), optB.step(lossB, List.of()));
      t.set(a, new float[] {1f});
      t.set(b, new float[] {1f});
      for (Op step : steps) {
        t.session().runner().addTarget(step).run();
      }
      return new float[] {GraphRunner.fetch(t.session(), a)[0], GraphRunner.fetch(t.session(), b)[0]};
    }
  }

  @Test
  void rmspropFirstStepDividesByTheRootMeanSquare() {
    // ms = 0.1 g^2: w - lr g / sqrt(0.1 g^2) = w - lr sign(g) / sqrt(0.1)
    float d = (float) (0.01 / Math.sqrt(0.1));
    float[] w = oneStep(OptimizerSpec.rmsprop(0.01), new float[] {2f, -3f});
    assertArrayEquals(new float[] {2f - d, -3f + d}, w, 1e-5f);
  }

  /** A discriminator step leaves every generator variable bit-identical, and the reverse. */
  @Test
  void eachStepUpdatesOnlyItsOwnNetwork() {
    var model = new TinyGan();
    var spec = new ModelSpec(model.name(), new ImageShape(4, 4, 1), 8, 4, 1, model.defaults());
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      GanGraph gg = model.build(Ops.create(g), BuildContext.of(spec));
      s.initialize();
      for (int phase = 0; phase < 2; phase++) {
        var gBefore = snapshot(s, gg.network("generator"));
        var dBefore = snapshot(s, gg.network("discriminator"));
        try (var real = TFloat32.tensorOf(Shape.of(4, 4, 4, 1), DataBuffers.of(LayerTestSupport.random(64, 1)));
            var z = TFloat32.tensorOf(Shape.of(4, 8), DataBuffers.of(LayerTestSupport.random(32, 2)));
            var seed = TInt64.vectorOf(1, 2)) {
          s.runner().feed(gg.inputs().real(), real).feed(gg.inputs().z(), z).feed(gg.inputs().seed(), seed)
              .addTarget(gg.phases().get(phase).update()).run();
        }
        var gAfter = snapshot(s, gg.network("generator"));
        var dAfter = snapshot(s, gg.network("discriminator"));
        boolean dStep = phase == 0;
        assertBitsEqual(dStep ? gBefore : dBefore, dStep ? gAfter : dAfter);
        assertFalse(Arrays.equals(dStep ? dBefore : gBefore, dStep ? dAfter : gAfter), "the stepped network must change");
      }
    }
  }

  private static int[] snapshot(Session s, Network net) {
    int n = 0;
    float[][] parts = new float[net.trainableVariables().size()][];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = GraphRunner.fetch(s, net.trainableVariables().get(i));
      n += parts[i].length;
    }
    int[] bits = new int[n];
    int k = 0;
    for (float[] p : parts) {
      for (float v : p) {
        bits[k++] = Float.floatToRawIntBits(v);
      }
    }
    return bits;
  }

  private static void assertBitsEqual(int[] a, int[] b) {
    assertArrayEquals(a, b, "variables of the other network must stay bit-identical");
  }

}
