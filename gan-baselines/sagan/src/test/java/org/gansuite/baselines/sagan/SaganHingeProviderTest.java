package org.gansuite.baselines.sagan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.TestSpecs;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class SaganHingeProviderTest extends BaselineContract {

  private final SaganHingeProvider provider = new SaganHingeProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  /**
   * Hinge: while every D output lies inside the margins (-1, 1), as at the start, the output
   * bias's gradient is -1 (real) + 1 (fake) = 0.
   */
  @Override
  protected boolean hasNoGradient(String phase, Network owner, Variable<TFloat32> parameter) {
    var params = owner.trainableVariables();
    return phase.equals("d") && parameter == params.get(params.size() - 1);
  }

  /**
   * Spectral norm adds no parameters (its u vectors are state). Self-attention on 64 channels:
   * f and g 1x1 convs 64 -> 8 with bias (520 each), h 64 -> 64 with bias (4,160), gamma (1):
   * 5,201. G = DCGAN's G + 5,201: 5,140,564 (64x64x3), 4,520,020 (32x32x3). D = DCGAN's D without
   * its batch norms (-1,792: SAGAN's D has none) + 5,201: 4,319,954 and 4,313,810.
   */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5140564, 4319954", "32x32x3, 4520020, 4313810"})
  void parameterCountsAreDcgansPlusAttentionLessTheDiscriminatorsBatchNorm(String shape, long g, long d) {
    for (SaganProvider p : new SaganProvider[] {provider, new SaganJsProvider()}) {
      try (Graph graph = new Graph()) {
        var gan = p.build(Ops.create(graph), BuildContext.of(TestSpecs.paper(p, shape)));
        assertEquals(g, gan.network("generator").parameterCount(), p.name());
        assertEquals(d, gan.network("discriminator").parameterCount(), p.name());
      }
    }
  }

  /**
   * Outputs real = (2, -1), fake = (0.5, -3). Hinge D: mean(max(0, 1 - (2, -1))) = mean(0, 2) = 1,
   * plus mean(max(0, 1 + (0.5, -3))) = mean(1.5, 0) = 0.75; G: -mean(fake) = 1.25. JS D:
   * E softplus(-real) + E softplus(fake); G: E softplus(-fake).
   */
  @Test
  void bothLossesOnFixedOutputsEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      assertEquals(1.75, GraphRunner.fetch(s, SaganLoss.HINGE.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(1.25, GraphRunner.fetch(s, SaganLoss.HINGE.generator(tf, fake))[0], 1e-6);
      double d = (softplus(-2) + softplus(1)) / 2 + (softplus(0.5) + softplus(-3)) / 2;
      assertEquals(d, GraphRunner.fetch(s, SaganLoss.JS.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals((softplus(-0.5) + softplus(3)) / 2, GraphRunner.fetch(s, SaganLoss.JS.generator(tf, fake))[0], 1e-6);
    }
  }

  @Test
  void defaultsAreTheTwoTimeScaleRule() {
    var hp = provider.defaults();
    assertEquals(1e-4, hp.getDouble("lr_g"), 0);
    assertEquals(4e-4, hp.getDouble("lr_d"), 0);
    assertEquals(0.0, hp.getDouble("beta1"), 0);
    assertEquals(0.9, hp.getDouble("beta2"), 0);
    assertEquals(30, provider.defaultEpochs());
    assertEquals(30, new SaganJsProvider().defaultEpochs());
    assertEquals("Wasserstein", provider.objective());
    assertEquals("JS", new SaganJsProvider().objective());
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("SAGAN (hinge)", provider().displayName());
    assertEquals(Optional.of("SAGAN (hinge)"), provider().paperRow());
  }
}
