package org.gansuite.baselines.sagan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.ModelHarness;
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
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class SaganWganGpProviderTest extends BaselineContract {

  private final SaganWganGpProvider provider = new SaganWganGpProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  /** Neither E D(G(z)) - E D(x) nor the input gradient of the penalty depends on D's output bias. */
  @Override
  protected boolean hasNoGradient(String phase, Network owner, Variable<TFloat32> parameter) {
    var params = owner.trainableVariables();
    return phase.equals("d") && parameter == params.get(params.size() - 1);
  }

  /** The loss adds no parameters: the counts of SaganHingeProviderTest (derived there by hand). */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5140564, 4319954, 9460518", "32x32x3, 4520020, 4313810, 8833830"})
  void parameterCountsAreTheOtherSaganReadings(String shape, long g, long d, long total) {
    try (Graph graph = new Graph()) {
      var gan = provider.build(Ops.create(graph), BuildContext.of(TestSpecs.paper(provider, shape)));
      assertEquals(g, gan.network("generator").parameterCount());
      assertEquals(d, gan.network("discriminator").parameterCount());
      assertEquals(total, gan.network("generator").parameterCount() + gan.network("discriminator").parameterCount());
    }
  }

  /** Outputs real = (2, -1), fake = (0.5, -3): D = mean(fake) - mean(real) = -1.25 - 0.5 = -1.75; G = 1.25. */
  @Test
  void wassersteinTermsOnFixedOutputsEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      assertEquals(-1.75, GraphRunner.fetch(s, SaganLoss.WGAN_GP.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(1.25, GraphRunner.fetch(s, SaganLoss.WGAN_GP.generator(tf, fake))[0], 1e-6);
      assertTrue(SaganLoss.WGAN_GP.penalised());
      assertFalse(SaganLoss.HINGE.penalised() || SaganLoss.JS.penalised());
    }
  }

  /**
   * The built D loss is E D(G(z)) - E D(x) + lambda_gp GP on the same weights and feeds: at
   * lambda_gp = 0 it equals fake_out - real_out; at 10 it exceeds that by 10 GP, GP positive
   * (initial input gradients are far from norm 1). Its gradient reaches D's parameters (second
   * order): d loss_10 / dW - d loss_0 / dW = 10 d GP / dW for D's first kernel, which is non-zero.
   */
  @Test
  void penaltyIsWiredIntoTheDiscriminatorLossAndItsGradient() {
    try (var off = harness("0"); var on = harness("10")) {
      double wasserstein = scalar(off, "fake_out") - scalar(off, "real_out");
      assertEquals(wasserstein, scalar(off, "loss"), 1e-5);
      double gp = scalar(on, "gradient_penalty");
      assertTrue(gp > 0.01 && gp < 1e4, "penalty " + gp);
      assertEquals(gp, scalar(off, "gradient_penalty"), 1e-5 * gp);
      assertEquals(wasserstein + 10 * gp, scalar(on, "loss"), 1e-4 * (1 + 10 * gp));
      float[] gOff = gradient(off, "loss");
      float[] gOn = gradient(on, "loss");
      float[] gGp = gradient(on, "gradient_penalty");
      double norm = 0;
      double maxDiff = 0;
      for (int i = 0; i < gGp.length; i++) {
        norm = Math.max(norm, Math.abs(gGp[i]));
        maxDiff = Math.max(maxDiff, Math.abs(gOn[i] - gOff[i] - 10 * gGp[i]));
      }
      assertTrue(norm > 1e-6, "penalty gradient " + norm);
      assertTrue(maxDiff <= 1e-3 * (10 * norm), "gradient mismatch " + maxDiff + " against " + 10 * norm);
    }
  }

  @Test
  void defaultsAreTheGradientPenaltyAndTheTwoTimeScaleRule() {
    var hp = provider.defaults();
    assertEquals(10.0, hp.getDouble("lambda_gp"), 0);
    assertEquals(1, hp.getInt("d_steps"));
    assertEquals(1e-4, hp.getDouble("lr_g"), 0);
    assertEquals(4e-4, hp.getDouble("lr_d"), 0);
    assertEquals(0.0, hp.getDouble("beta1"), 0);
    assertEquals(0.9, hp.getDouble("beta2"), 0);
    assertEquals(30, provider.defaultEpochs());
    assertFalse(new SaganHingeProvider().defaults().asMap().containsKey("lambda_gp"));
  }

  @Test
  void tablesLabelItAsAReadingOfThePapersWassersteinSaganRow() {
    assertEquals("SAGAN (WGAN-GP)", provider.displayName());
    assertEquals(Optional.of("SAGAN (hinge)"), provider.paperRow());
    assertEquals("Wasserstein", provider.objective());
  }

  private ModelHarness harness(String lambda) {
    return new ModelHarness(provider, TestSpecs.small(provider, "32x32x1",
        Map.of("gf", "8", "df", "8", "lambda_gp", lambda)));
  }

  /** Gradient of a d-phase scalar with respect to D's first kernel, on the harness's feeds. */
  private static float[] gradient(ModelHarness h, String name) {
    var kernel = h.gan().network("discriminator").trainableVariables().get(0);
    var scalar = h.phase("d").scalars().get(name);
    Output<?>[] grads = h.graph().addGradients(scalar.asOutput(), new Output<?>[] {kernel.asOutput()});
    @SuppressWarnings("unchecked")
    Operand<TFloat32> grad = (Operand<TFloat32>) grads[0];
    return h.fetch(grad);
  }

  private static double scalar(ModelHarness h, String name) {
    return h.fetch(h.phase("d").scalars().get(name))[0];
  }
}
