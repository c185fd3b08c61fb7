package org.gansuite.baselines.lsgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
   * Scores real = (2, -1), fake = (0.5, -3), a = 0, b = c = 1:
   * D = 1/2 mean((1, 4)) + 1/2 mean((0.25, 9)) = 1.25 + 2.3125 = 3.5625;
   * G = 1/2 mean((0.25, 16)) = 4.0625.
   */
  @Test
  void lossesOnFixedScoresEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var real = tf.constant(Shape.of(2, 1), DataBuffers.of(2f, -1f));
      var fake = tf.constant(Shape.of(2, 1), DataBuffers.of(0.5f, -3f));
      var hp = provider.defaults();
      var loss = new LsganLoss(hp.getFloat("a"), hp.getFloat("b"), hp.getFloat("c"));
      assertEquals(LsganLoss.ZERO_ONE, loss);
      assertEquals(3.5625, GraphRunner.fetch(s, loss.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(4.0625, GraphRunner.fetch(s, loss.generator(tf, fake))[0], 1e-6);
      // Other codings are honoured: a = -1, b = 1, c = 0 (the paper's eq. 8 variant).
      var other = new LsganLoss(-1f, 1f, 0f);
      // D = 1/2 mean((1, 4)) + 1/2 mean((2.25, 4)) = 1.25 + 1.5625; G = 1/2 mean((0.25, 9)) = 2.3125
      assertEquals(2.8125, GraphRunner.fetch(s, other.discriminator(tf, real, fake))[0], 1e-6);
      assertEquals(2.3125, GraphRunner.fetch(s, other.generator(tf, fake))[0], 1e-6);
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
