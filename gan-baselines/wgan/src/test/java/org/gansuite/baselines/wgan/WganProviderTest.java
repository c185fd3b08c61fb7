package org.gansuite.baselines.wgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.ModelHarness;
import org.gansuite.baselines.testkit.TestSpecs;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanLosses;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.gansuite.core.testing.GraphRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class WganProviderTest extends BaselineContract {

  private final WganProvider provider = new WganProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  @Override
  protected Map<String, String> phaseOwners() {
    return Map.of("critic", "discriminator", "g", "generator");
  }

  /** E D(G(z)) - E D(x) is blind to a shift of D: the critic's output bias gets no gradient. */
  @Override
  protected boolean hasNoGradient(String phase, Network owner, Variable<TFloat32> parameter) {
    var params = owner.trainableVariables();
    return phase.equals("critic") && parameter == params.get(params.size() - 1);
  }

  /** The shared DCGAN networks with the batch-normalised critic: the paper's 9.45M and 8.83M. */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5135363, 4316545, 9451908", "32x32x3, 4514819, 4310401, 8825220"})
  void parameterCountsMatchThePaper(String shape, long g, long d, long total) {
    try (Graph graph = new Graph()) {
      var gan = provider.build(Ops.create(graph), BuildContext.of(TestSpecs.paper(provider, shape)));
      assertEquals(g, gan.network("generator").parameterCount());
      assertEquals(d, gan.network("discriminator").parameterCount());
      assertEquals(total, gan.network("generator").parameterCount() + gan.network("discriminator").parameterCount());
    }
  }

  /**
   * The N(0, 0.02^2) initial weights and the batch-norm scales (1) exceed the bound, so after one
   * critic step every parameter lies in [-c, c] and some sit exactly on it. A large learning rate
   * makes the step itself push weights out, which the clip must catch too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"0.01", "0.03"})
  void afterACriticStepEveryCriticParameterLiesWithinTheClipBound(String clip) {
    float c = Float.parseFloat(clip);
    var spec = TestSpecs.small(provider, "32x32x1", Map.of("gf", "8", "df", "8", "clip", clip, "lr", "0.1"));
    try (var h = new ModelHarness(provider, spec)) {
      var critic = h.gan().network("discriminator");
      double maxBefore = maxAbs(h.snapshot(critic), critic);
      assertTrue(maxBefore > c, "initial weights exceed the bound: " + maxBefore);
      for (int k = 0; k < 3; k++) {
        h.step("critic");
        h.redraw();
        double max = maxAbs(h.snapshot(critic), critic);
        assertEquals(c, max, 1e-7, "largest |w| after critic step " + (k + 1));
      }
    }
  }

  /** Critic values real = (2, -1), fake = (0.5, -3): critic loss -1.25 - 0.5; generator 1.25. */
  @Test
  void lossesOnFixedCriticValuesEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      assertEquals(-1.75, GraphRunner.fetch(s, GanLosses.wassersteinCritic(tf, real, fake))[0], 1e-6);
      assertEquals(1.25, GraphRunner.fetch(s, GanLosses.wassersteinGenerator(tf, fake))[0], 1e-6);
    }
  }

  @Test
  void defaultsFollowTheProtocol() {
    var hp = provider.defaults();
    assertEquals(5e-5, hp.getDouble("lr"), 0);
    assertEquals(0.01, hp.getDouble("clip"), 0);
    assertEquals(5, hp.getInt("n_critic"));
    assertEquals(35, provider.defaultEpochs());
    try (Graph graph = new Graph()) {
      var gan = provider.build(Ops.create(graph), BuildContext.of(TestSpecs.small(provider, "32x32x1", smallWidths())));
      assertEquals(5, gan.phases().get(0).steps());
      assertTrue(gan.phases().get(0).drawsBatch());
    }
  }

  /** Largest |w| over the critic's parameters (its moving statistics are not clipped). */
  private static double maxAbs(Map<String, float[]> snapshot, Network critic) {
    double max = 0;
    for (var v : critic.trainableVariables()) {
      for (float x : snapshot.get(v.op().name())) {
        max = Math.max(max, Math.abs(x));
      }
    }
    return max;
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("WGAN", provider().displayName());
    assertEquals(Optional.of("WGAN"), provider().paperRow());
  }
}
