package org.gansuite.core.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.GraphRunner;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Dynamic loss scaling, tested in float32 on the CPU: a non-finite gradient is forced (a NaN fed
 * into the loss, or a gradient that overflows float32 once scaled), and the step must leave every
 * weight, slot and beta power bit-identical while halving the scale; finite steps must equal the
 * unscaled optimizer's bit for bit (power-of-two scales are exact) and double the scale after the
 * growth interval.
 */
class LossScalingTest {

  /** loss = sum(w * k): the gradient is the fed k, so a fed NaN or huge k forces a non-finite (scaled) gradient. */
  private static final class Linear implements AutoCloseable {
    final LayerTestSupport t = new LayerTestSupport();
    final Variable<TFloat32> w;
    final Placeholder<TFloat32> k;
    final Op step;

    Linear(Optional<LossScaling> scaling, OptimizerSpec spec) {
      scaling.ifPresent(ls -> ls.install(t.tf));
      w = t.net.variable("p", "w", Shape.of(3), Init.ZEROS, true);
      k = t.input(3);
      var loss = t.tf.reduceSum(t.tf.math.mul(t.tf.identity(w), k), t.tf.constant(0));
      step = Updates.minimize(t.tf, spec, "opt", loss, t.net, List.of());
      t.set(w, 2f, -3f, 0.5f);
    }

    void step(float... kv) {
      try (var kt = TFloat32.tensorOf(Shape.of(3), DataBuffers.of(kv))) {
        t.session().runner().feed(k, kt).addTarget(step).run();
      }
    }

    float[] value(String name) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> v = (Operand<TFloat32>) (Operand<?>) t.graph.operation(name).output(0);
      return GraphRunner.fetch(t.session(), v);
    }

    float scale() {
      return value("opt/loss_scale")[0];
    }

    float goodSteps() {
      return value("opt/loss_scale_good_steps")[0];
    }

    /** Weights, Adam slots and beta powers, as raw bits. */
    int[] state() {
      float[] all = concat(value("net/p/w"), value("opt/m_0"), value("opt/v_0"), value("opt/beta1_power"),
          value("opt/beta2_power"));
      int[] bits = new int[all.length];
      for (int i = 0; i < all.length; i++) {
        bits[i] = Float.floatToRawIntBits(all[i]);
      }
      return bits;
    }

    @Override
    public void close() {
      t.close();
    }
  }

  private static final OptimizerSpec ADAM = OptimizerSpec.adam(0.1, 0.5, 0.999);

  @Test
  void nonFiniteGradientsSkipTheStepAndHalveTheScale() {
    try (var m = new Linear(Optional.of(new LossScaling(1024f, 3)), ADAM)) {
      assertEquals(1024f, m.scale());
      int[] before = m.state();
      m.step(1f, Float.NaN, 2f);
      assertArrayEquals(before, m.state(), "a NaN gradient must change no weight, slot or beta power");
      assertEquals(512f, m.scale());
      assertEquals(0f, m.goodSteps());
      // 1e37 * 512 overflows float32 (largest 3.4e38): the scaled gradient is infinite, the unscaled one is not.
      m.step(1f, 1e37f, 2f);
      assertArrayEquals(before, m.state(), "an overflowing scaled gradient must change nothing either");
      assertEquals(256f, m.scale());
      m.step(Float.POSITIVE_INFINITY, 1f, 1f);
      assertArrayEquals(before, m.state());
      assertEquals(128f, m.scale());
    }
  }

  @Test
  void finiteStepsEqualTheUnscaledOptimizerBitForBitAndGrowTheScale() {
    try (var scaled = new Linear(Optional.of(new LossScaling(1024f, 3)), ADAM);
        var plain = new Linear(Optional.empty(), ADAM)) {
      scaled.step(Float.NaN, 0f, 0f); // skipped: scale 512
      float[][] feeds = {{1f, -2f, 0.5f}, {0.25f, 3f, -1f}, {-4f, 0.125f, 2f}, {1e-3f, -7f, 0.75f}};
      float[] expectedScale = {512f, 512f, 1024f, 1024f};
      float[] expectedGood = {1f, 2f, 0f, 1f};
      for (int i = 0; i < feeds.length; i++) {
        scaled.step(feeds[i]);
        plain.step(feeds[i]);
        assertArrayEquals(plain.state(), scaled.state(), "step " + (i + 1) + ": scaled and plain optimizers differ");
        assertEquals(expectedScale[i], scaled.scale(), "scale after finite step " + (i + 1));
        assertEquals(expectedGood[i], scaled.goodSteps(), "finite steps counted after step " + (i + 1));
      }
      // Adam's first step moves each weight by the learning rate against its gradient's sign.
      assertFalse(Arrays.equals(new float[] {2f, -3f, 0.5f}, scaled.value("net/p/w")), "finite steps must move w");
    }
  }

  @Test
  void rmspropStepsAreSkippedAndScaledAlike() {
    try (var scaled = new Linear(Optional.of(new LossScaling(8f, 2)), OptimizerSpec.rmsprop(0.01));
        var plain = new Linear(Optional.empty(), OptimizerSpec.rmsprop(0.01))) {
      float[] w0 = scaled.value("net/p/w");
      scaled.step(Float.NaN, 1f, 1f);
      assertArrayEquals(w0, scaled.value("net/p/w"));
      assertArrayEquals(new float[3], scaled.value("opt/ms_0"), "the mean-square slot must stay untouched");
      assertEquals(4f, scaled.scale());
      scaled.step(1f, -2f, 3f);
      plain.step(1f, -2f, 3f);
      assertArrayEquals(plain.value("net/p/w"), scaled.value("net/p/w"));
      assertArrayEquals(plain.value("opt/ms_0"), scaled.value("opt/ms_0"));
    }
  }

  @Test
  void theScaleStaysWithinOneAndTwoToTheTwentyFour() {
    try (var low = new Linear(Optional.of(new LossScaling(2f, 1)), ADAM)) {
      low.step(Float.NaN, 0f, 0f);
      assertEquals(1f, low.scale());
      low.step(Float.NaN, 0f, 0f);
      assertEquals(1f, low.scale(), "halving stops at 1");
    }
    try (var high = new Linear(Optional.of(new LossScaling(LossScaling.MAX_SCALE / 2, 1)), ADAM)) {
      high.step(1f, 1f, 1f);
      assertEquals(LossScaling.MAX_SCALE, high.scale());
      high.step(1f, 1f, 1f);
      assertEquals(LossScaling.MAX_SCALE, high.scale(), "doubling stops at 2^24");
    }
  }

  /** Every optimizer of a model built after {@link LossScaling#install} keeps a scale of its own; steps stay finite. */
  @Test
  void everyOptimizerOfAModelGetsItsOwnScale() {
    var model = new TinyGan();
    var spec = new ModelSpec(model.name(), new ImageShape(4, 4, 1), 8, 4, 1, model.defaults());
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      LossScaling.DEFAULT.install(tf);
      assertEquals(Optional.of(LossScaling.DEFAULT), LossScaling.of(g));
      GanGraph gg = model.build(tf, BuildContext.of(spec));
      s.initialize();
      List<String> scales = scaleVariables(g);
      assertEquals(2, scales.size(), "one scale per optimizer: " + scales);
      for (var phase : gg.phases()) {
        try (var real = TFloat32.tensorOf(Shape.of(4, 4, 4, 1), DataBuffers.of(LayerTestSupport.random(64, 1)));
            var z = TFloat32.tensorOf(Shape.of(4, 8), DataBuffers.of(LayerTestSupport.random(32, 2)));
            var seed = TInt64.vectorOf(1, 2)) {
          var runner = s.runner().feed(gg.inputs().real(), real).feed(gg.inputs().z(), z).feed(gg.inputs().seed(), seed)
              .addTarget(phase.update());
          phase.scalars().values().forEach(runner::fetch);
          try (var r = runner.run()) {
            for (int i = 0; i < r.size(); i++) {
              assertTrue(Float.isFinite(((TFloat32) r.get(i)).getFloat()));
            }
          }
        }
      }
      for (String name : scales) {
        @SuppressWarnings("unchecked")
        Operand<TFloat32> v = (Operand<TFloat32>) (Operand<?>) g.operation(name).output(0);
        assertEquals(LossScaling.DEFAULT.initialScale(), GraphRunner.fetch(s, v)[0], name + " after one finite step");
      }
      assertThrows(IllegalStateException.class, () -> LossScaling.DEFAULT.install(tf), "installed twice");
    }
  }

  @Test
  void aGraphWithoutTheMarkerHasNoScaling() {
    try (Graph g = new Graph()) {
      assertEquals(Optional.empty(), LossScaling.of(g));
      new LossScaling(64f, 7).install(Ops.create(g).withSubScope("somewhere"));
      assertEquals(Optional.of(new LossScaling(64f, 7)), LossScaling.of(g), "the marker ignores the caller's scope");
      assertNotNull(g.operation("mixed_precision/loss_scaling"));
    }
  }

  @Test
  void scalesMustBePowersOfTwoInRange() {
    assertThrows(IllegalArgumentException.class, () -> new LossScaling(1000f, 10));
    assertThrows(IllegalArgumentException.class, () -> new LossScaling(0.5f, 10));
    assertThrows(IllegalArgumentException.class, () -> new LossScaling(LossScaling.MAX_SCALE * 2, 10));
    assertThrows(IllegalArgumentException.class, () -> new LossScaling(1024f, 0));
    assertEquals(1f, new LossScaling(1f, 1).initialScale());
  }

  private static List<String> scaleVariables(Graph g) {
    List<String> out = new java.util.ArrayList<>();
    g.operations().forEachRemaining(op -> {
      if (op.type().equals("VariableV2") && op.name().endsWith("/loss_scale")) {
        out.add(op.name());
      }
    });
    out.sort(null);
    return out;
  }

  private static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int i = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }
}
