package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.PreparedModel;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Issue 10 items 1 and 2: lambda weighs the decoding step against the adversarial one, lambda = 0
 * is DCGAN, and the generator's batch-norm averages come only from the passes chosen.
 */
class LambdaWeightingTest {

  private static final int ITERATIONS = 30;

  /**
   * The decoding loss over lambda (the generator's reconstruction error from f(x)) after
   * {@link #ITERATIONS} iterations on the fixed batch, measured without an update.
   */
  private static double reconstructionAfterTraining(double lambda, String step) {
    try (Graph g = new Graph(); Session s = ComputeDevice.CPU.session(g)) {
      var b = DecodingStepTest.build(g, Map.of("lambda", String.valueOf(lambda), "decoding_step", step));
      s.initialize();
      Tiny.train(s, b.graph(), ITERATIONS);
      return Tiny.run(s, b.graph(), null, b.decodingLoss().orElseThrow(), 0) / lambda;
    }
  }

  private static float[] values(Session s, List<Variable<TFloat32>> vars) {
    List<float[]> parts = vars.stream().map(v -> GraphRunner.fetch(s, v)).toList();
    float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  private static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** lambda = 0 builds and trains the registered DCGAN's graph: equal generator and discriminator bits. */
  @Test
  void lambdaZeroIsDcganBitForBit() {
    int[][] proposed = trainedBits(Tiny.spec(Map.of("lambda", "0")));
    var dcgan = ModelRegistry.load().get("dcgan");
    var hp = dcgan.defaults().with(Map.of("gf", "8", "df", "8"));
    int[][] reference = trainedBits(new ModelSpec("dcgan", Tiny.SHAPE, 8, Tiny.BATCH, 5, hp));
    assertArrayEquals(reference[0], proposed[0], "generator");
    assertArrayEquals(reference[1], proposed[1], "discriminator");
  }

  private static int[][] trainedBits(ModelSpec spec) {
    var provider = ModelRegistry.load().get(spec.model());
    try (Graph g = new Graph(); Session s = ComputeDevice.CPU.session(g)) {
      var gg = PreparedModel.structureOnly(provider, spec).build(Ops.create(g));
      s.initialize();
      assertEquals(List.of("d", "g"), gg.phases().stream().map(Phase::name).toList());
      Tiny.train(s, gg, ITERATIONS);
      Network gNet = gg.networks().get(0);
      Network dNet = gg.networks().get(1);
      return new int[][] {Tiny.bits(s, gNet), Tiny.bits(s, dNet)};
    }
  }

  /**
   * On the shared Adam state (the default) and in the joint step, lambda 100 reconstructs clearly
   * better than lambda 1 after a few iterations: the decoding gradients outweigh the adversarial
   * ones. On the decoding step's own Adam state (the former behaviour) Adam's invariance to the
   * loss's scale makes the two equal up to epsilon (the issue measured 0.06 %), which is why it is
   * not the default.
   */
  @Test
  void lambdaWeighsDecodingAgainstTheAdversarialStep() {
    for (String step : List.of("shared_adam", "own_adam", "joint")) {
      double one = reconstructionAfterTraining(1, step);
      double hundred = reconstructionAfterTraining(100, step);
      double ratio = hundred / one;
      if (step.equals("own_adam")) {
        // Measured 1.0005 with TensorFlow's default CPU kernels and 0.9943 with oneDNN's (the build's):
        // 30 adversarial iterations amplify epsilon and rounding; the other two readings are 0.15+ away.
        assertEquals(1, ratio, 0.02, step + ": lambda 100 and 1 reconstruct alike");
      } else {
        // Measured 0.70 (shared_adam) and 0.74 (joint) at 30 iterations.
        assertTrue(ratio > 0.4 && ratio < 0.85, step + ": lambda 100 over lambda 1 reconstruction error " + ratio);
      }
    }
  }

  /** Batch-norm moving averages of G after one decoding step, and after one adversarial generator step. */
  @Test
  void samplingStatisticsComeFromTheChosenPasses() {
    for (var mode : BnStatistics.values()) {
      try (Graph g = new Graph(); Session s = ComputeDevice.CPU.session(g)) {
        var b = DecodingStepTest.build(g, Map.of("g_bn_statistics", mode.name().toLowerCase()));
        s.initialize();
        var state = b.networks().generatorNet().stateVariables();
        assertFalse(state.isEmpty());
        float[] before = values(s, state);
        var phases = b.graph().phases();
        Tiny.step(s, b.graph(), phases.get(0), 0); // dec
        float[] afterDecoding = values(s, state);
        if (mode == BnStatistics.ADVERSARIAL) {
          assertArrayEquals(before, afterDecoding, 0f, "the decoding pass must leave the averages alone");
        } else {
          assertTrue(distance(before, afterDecoding) > 1e-4, "the decoding pass must move the averages");
        }
        Tiny.step(s, b.graph(), phases.get(2), 0); // g
        assertTrue(distance(afterDecoding, values(s, state)) > 1e-4, mode + ": the z pass moves the averages");
      }
    }
  }
}
