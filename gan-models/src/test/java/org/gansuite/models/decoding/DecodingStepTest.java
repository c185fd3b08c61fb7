package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.model.Phase;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/** The decoding phase of the proposed GAN: order, isolation and the lambda weighting. */
class DecodingStepTest {

  static ProposedGraph.Built build(Graph g, Map<String, String> hp) {
    var spec = Tiny.spec(hp);
    var features = Features.random(FeatureSource.UNIFORM, Tiny.BATCH, spec.zDim(), 3);
    return ProposedGraph.build(Ops.create(g), spec, DecodingConfig.of(spec.hyper()),
        Optional.of(new DecodingInputs(features, Map.of())));
  }

  @Test
  void phasesAreDecodingThenDiscriminatorThenGeneratorOnOneBatch() {
    try (Graph g = new Graph()) {
      var gg = build(g, Map.of("g_steps", "2")).graph();
      assertEquals(List.of("dec", "d", "g"), gg.phases().stream().map(Phase::name).toList());
      assertEquals(List.of(true, false, false), gg.phases().stream().map(Phase::drawsBatch).toList());
      assertEquals(2, gg.phases().get(2).steps());
      assertEquals(1, gg.batchesPerIteration());
    }
  }

  /** The decoding step moves the generator only: D and the projection stay bit-identical. */
  @Test
  void decodingStepUpdatesOnlyTheGenerator() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      var b = build(g, Map.of());
      s.initialize();
      var nets = b.networks();
      int[] g0 = Tiny.bits(s, nets.generatorNet());
      int[] d0 = Tiny.bits(s, nets.discriminatorNet());
      int[] p0 = Tiny.bits(s, nets.extraNet().orElseThrow());
      float loss = Tiny.step(s, b.graph(), b.graph().phases().get(0), 0);
      assertTrue(loss > 0 && Float.isFinite(loss), "decoding loss " + loss);
      assertFalse(java.util.Arrays.equals(g0, Tiny.bits(s, nets.generatorNet())), "the generator must change");
      assertArrayEquals(d0, Tiny.bits(s, nets.discriminatorNet()));
      assertArrayEquals(p0, Tiny.bits(s, nets.extraNet().orElseThrow()));
    }
  }

  /** The phase loss is lambda times the variant's loss: equal initial weights, lambda 2.5 vs 1. */
  @Test
  void lambdaScalesTheDecodingLoss() {
    for (String variant : List.of("l2", "l1", "l2star")) {
      float[] losses = new float[2];
      String[] lambdas = {"1", "2.5"};
      for (int k = 0; k < 2; k++) {
        try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
          var b = build(g, Map.of("lambda", lambdas[k], "decoding_loss", variant));
          s.initialize();
          losses[k] = Tiny.step(s, b.graph(), b.graph().phases().get(0), 0);
        }
      }
      assertEquals(2.5 * losses[0], losses[1], 1e-5 * losses[1], variant);
    }
  }
}
