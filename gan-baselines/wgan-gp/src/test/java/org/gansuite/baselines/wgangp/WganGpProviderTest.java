package org.gansuite.baselines.wgangp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.TestSpecs;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class WganGpProviderTest extends BaselineContract {

  private final WganGpProvider provider = new WganGpProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  @Override
  protected Map<String, String> phaseOwners() {
    return Map.of("critic", "discriminator", "g", "generator");
  }

  /** Neither E D(G(z)) - E D(x) nor the input gradient depends on the critic's output bias. */
  @Override
  protected boolean hasNoGradient(String phase, Network owner, Variable<TFloat32> parameter) {
    var params = owner.trainableVariables();
    return phase.equals("critic") && parameter == params.get(params.size() - 1);
  }

  /**
   * Generator: DCGAN's. Critic: DCGAN's 4,316,545 (64x64x3) / 4,310,401 (32x32x3) less the batch
   * norms of its last three convolutions, each a scale and an offset per channel:
   * 2 x (128 + 256 + 512) = 1,792. So 4,314,753 and 4,308,609; totals 9,450,116 and 8,823,428.
   * Layer norm has the same per-channel scale and offset, hence DCGAN's count again.
   */
  @ParameterizedTest
  @CsvSource({
      "64x64x3, none, 5135363, 4314753, 9450116",
      "32x32x3, none, 4514819, 4308609, 8823428",
      "64x64x3, layer, 5135363, 4316545, 9451908",
      "32x32x3, layer, 4514819, 4310401, 8825220"})
  void parameterCountsAreDcgansLessTheCriticsBatchNorm(String shape, String norm, long g, long d, long total) {
    try (Graph graph = new Graph()) {
      var base = TestSpecs.paper(provider, shape);
      var spec = new org.gansuite.core.model.ModelSpec(base.model(), base.shape(), base.zDim(), base.batchSize(),
          base.seed(), base.hyper().with(Map.of("critic_norm", norm)));
      var gan = provider.build(Ops.create(graph), BuildContext.of(spec));
      assertEquals(g, gan.network("generator").parameterCount());
      assertEquals(d, gan.network("discriminator").parameterCount());
      assertEquals(total, gan.network("generator").parameterCount() + gan.network("discriminator").parameterCount());
    }
  }

  /** The layer-norm critic's step differentiates the penalty through layer norm (second order). */
  @Test
  void layerNormCriticTrainsWithThePenalty() {
    var spec = TestSpecs.small(provider, "32x32x1", Map.of("gf", "8", "df", "8", "critic_norm", "layer"));
    try (var h = new org.gansuite.baselines.testkit.ModelHarness(provider, spec)) {
      var changed = h.changedBy("critic");
      assertEquals(java.util.List.of(), changed.get("generator"));
      assertEquals(h.gan().network("discriminator").trainableVariables().size() - 1, changed.get("discriminator").size());
      float gp = h.step("critic").get("gradient_penalty");
      assertTrue(Float.isFinite(gp) && gp > 0, "penalty " + gp);
    }
  }

  @Test
  void batchNormInTheCriticIsRefused() {
    try (Graph graph = new Graph()) {
      var spec = TestSpecs.small(provider, "32x32x1", Map.of("critic_norm", "batch"));
      var e = assertThrows(IllegalArgumentException.class, () -> provider.build(Ops.create(graph), BuildContext.of(spec)));
      assertTrue(e.getMessage().contains("critic_norm"));
    }
  }

  @Test
  void defaultsFollowTheProtocol() {
    var hp = provider.defaults();
    assertEquals(10.0, hp.getDouble("lambda"), 0);
    assertEquals(5, hp.getInt("n_critic"));
    assertEquals(1e-4, hp.getDouble("lr"), 0);
    assertEquals(0.5, hp.getDouble("beta1"), 0);
    assertEquals(0.9, hp.getDouble("beta2"), 0);
    assertEquals("none", hp.getString("critic_norm"));
    assertEquals(35, provider.defaultEpochs());
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("WGAN-GP", provider().displayName());
    assertEquals(Optional.of("WGAN-GP"), provider().paperRow());
  }
}
