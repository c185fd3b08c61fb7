package org.gansuite.baselines.lsgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.ModelHarness;
import org.gansuite.baselines.testkit.TestSpecs;
import org.gansuite.core.UserError;
import org.gansuite.core.device.ComputeDevice;
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

class LsganProviderTest extends BaselineContract {

  private final LsganProvider provider = new LsganProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  /** The shared DCGAN networks: PROTOCOL.md's counts, the paper's 9.45M and 8.83M. */
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
   * Scores real = (2, -1), fake = (0.5, -3), 0-1 coding a = 0, b = c = 1:
   * D = 1/2 mean((2-1)^2, (-1-1)^2) + 1/2 mean((0.5-0)^2, (-3-0)^2) = 1/2 mean(1, 4) + 1/2 mean(0.25, 9)
   * = 1.25 + 2.3125 = 3.5625; G = 1/2 mean((0.5-1)^2, (-3-1)^2) = 1/2 mean(0.25, 16) = 4.0625.
   */
  @Test
  void zeroOneCodingIsTheDefaultAndMatchesHandValues() {
    assertEquals(LsganLoss.ZERO_ONE, provider.defaults().getEnum("coding", LsganLoss.class));
    assertLosses(LsganLoss.ZERO_ONE, 3.5625, 4.0625);
  }

  /**
   * Same scores, Pearson coding a = -1, b = 1, c = 0 (Mao et al.'s b - c = 1, b - a = 2):
   * D = 1/2 mean((2-1)^2, (-1-1)^2) + 1/2 mean((0.5+1)^2, (-3+1)^2) = 1/2 mean(1, 4) + 1/2 mean(2.25, 4)
   * = 1.25 + 1.5625 = 2.8125; G = 1/2 mean(0.5^2, (-3)^2) = 1/2 mean(0.25, 9) = 2.3125.
   */
  @Test
  void pearsonCodingMatchesHandValuesAndMaosCondition() {
    var pearson = provider.defaults().with(Map.of("coding", "pearson")).getEnum("coding", LsganLoss.class);
    assertEquals(LsganLoss.PEARSON, pearson);
    assertEquals(1f, pearson.b() - pearson.c(), 0f);
    assertEquals(2f, pearson.b() - pearson.a(), 0f);
    assertLosses(pearson, 2.8125, 2.3125);
  }

  @Test
  void unknownCodingIsRefused() {
    var hp = provider.defaults().with(Map.of("coding", "chi2"));
    assertThrows(UserError.class, () -> hp.getEnum("coding", LsganLoss.class));
  }

  /**
   * The coding reaches the built graph. Same seed, weights and feeds, scores f on the fake batch:
   * D_pearson - D_01 = 1/2 mean((f + 1)^2 - f^2) = mean(f) + 1/2 (the real term is the same, b = 1),
   * G_pearson - G_01 = 1/2 mean(f^2 - (f - 1)^2) = mean(f) - 1/2.
   */
  @Test
  void providerBuildsTheChosenCoding() {
    var widths = Map.of("gf", "8", "df", "8");
    try (var zeroOne = harness(widths, "zero_one"); var pearson = harness(widths, "pearson")) {
      double fake = zeroOne.fetch(zeroOne.phase("d").scalars().get("fake_score"))[0];
      assertEquals(fake, pearson.fetch(pearson.phase("d").scalars().get("fake_score"))[0], 1e-6);
      assertEquals(fake + 0.5, value(pearson, "d") - value(zeroOne, "d"), 1e-5);
      assertEquals(fake - 0.5, value(pearson, "g") - value(zeroOne, "g"), 1e-5);
    }
  }

  private ModelHarness harness(Map<String, String> widths, String coding) {
    var hp = new java.util.HashMap<>(widths);
    hp.put("coding", coding);
    return new ModelHarness(provider, TestSpecs.small(provider, "32x32x1", hp));
  }

  private static double value(ModelHarness h, String phase) {
    return h.fetch(h.phase(phase).scalars().get("loss"))[0];
  }

  private static void assertLosses(LsganLoss loss, double d, double g) {
    try (Graph gr = new Graph(); Session s = ComputeDevice.AUTO.session(gr)) {
      Ops tf = Ops.create(gr);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      assertEquals(d, GraphRunner.fetch(s, loss.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(g, GraphRunner.fetch(s, loss.generator(tf, fake))[0], 1e-6);
    }
  }

  @Test
  void defaultsFollowTheProtocol() {
    assertEquals(35, provider.defaultEpochs());
    assertEquals(2e-4, provider.defaults().getDouble("lr"), 0);
    assertEquals(0.5, provider.defaults().getDouble("beta1"), 0);
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("LSGAN", provider().displayName());
    assertEquals(Optional.of("LSGAN"), provider().paperRow());
  }
}
