package org.gansuite.baselines.dcgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.TestSpecs;
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

class DcganProviderTest extends BaselineContract {

  private final DcganProvider provider = new DcganProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  /** PROTOCOL.md: the paper's 9.45M and 8.83M. */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5135363, 4316545, 9451908", "32x32x3, 4514819, 4310401, 8825220"})
  void parameterCountsMatchThePaper(String shape, long g, long d, long total) {
    try (Graph graph = new Graph()) {
      var gan = provider.build(Ops.create(graph), BuildContext.of(TestSpecs.paper(provider, shape)));
      long gc = gan.network("generator").parameterCount();
      long dc = gan.network("discriminator").parameterCount();
      assertEquals(g, gc);
      assertEquals(d, dc);
      assertEquals(total, gc + dc);
    }
  }

  /** Logits real = (2, -1), fake = (0.5, -3); softplus(x) = log(1 + e^x). */
  @Test
  void lossesOnFixedLogitsEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      // D: -E log sigmoid(real) - E log(1 - sigmoid(fake)) = E softplus(-real) + E softplus(fake)
      double d = (softplus(-2) + softplus(1)) / 2 + (softplus(0.5) + softplus(-3)) / 2;
      // G, non-saturating: -E log sigmoid(fake) = E softplus(-fake)
      double gl = (softplus(-0.5) + softplus(3)) / 2;
      assertEquals(d, GraphRunner.fetch(s, DcganLoss.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(gl, GraphRunner.fetch(s, DcganLoss.generator(tf, fake))[0], 1e-6);
    }
  }

  @Test
  void generatorStepsPerDiscriminatorStepDefaultToOneAndAreAnOption() {
    try (Graph g = new Graph(); Graph g2 = new Graph()) {
      var byDefault = provider.build(Ops.create(g), BuildContext.of(TestSpecs.small(provider, "32x32x1", smallWidths())));
      assertEquals(1, byDefault.phases().get(1).steps());
      assertEquals(1, byDefault.phases().get(0).steps());
      var twice = provider.build(Ops.create(g2),
          BuildContext.of(TestSpecs.small(provider, "32x32x1", Map.of("gf", "8", "df", "8", "g_steps", "2"))));
      assertEquals(2, twice.phases().get(1).steps());
      assertEquals("g", twice.phases().get(1).name());
    }
  }

  @Test
  void defaultsFollowTheProtocol() {
    assertEquals(20, provider.defaultEpochs());
    assertEquals("JS", provider.objective());
    var hp = provider.defaults();
    assertEquals(2e-4, hp.getDouble("lr"), 0);
    assertEquals(0.5, hp.getDouble("beta1"), 0);
  }

  private static double softplus(double x) {
    return Math.log1p(Math.exp(x));
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("DCGAN", provider().displayName());
    assertEquals(Optional.of("DCGAN"), provider().paperRow());
  }
}
