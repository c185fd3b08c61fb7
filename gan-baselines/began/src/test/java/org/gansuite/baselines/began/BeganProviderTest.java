package org.gansuite.baselines.began;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.baselines.testkit.ModelHarness;
import org.gansuite.baselines.testkit.TestSpecs;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
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
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class BeganProviderTest extends BaselineContract {

  private final BeganProvider provider = new BeganProvider();

  @Override
  protected SimpleGanModelProvider provider() {
    return provider;
  }

  @Override
  protected Map<String, String> smallWidths() {
    return Map.of("n", "8", "h", "8");
  }

  /**
   * n = h = 64, 3x3 convolutions with biases (a conv a -> b has 9ab + b parameters: 64 -> 64 is
   * 36,928). Decoder (64x64, 4 blocks): dense in -> 8x8x64 (4,096 (in + 1)), 8 convs 64 -> 64
   * (295,424), output conv 64 -> 3 (1,731). G's input is z of 100: 413,696 + 295,424 + 1,731 =
   * 710,851. D = encoder + decoder from h = 64 (266,240 + 295,424 + 1,731 = 563,395). Encoder:
   * 3 -> 64 (1,792); block 1: 64 -> 64 twice + stride-2 64 -> 64 (110,784); block 2: 64 -> 128,
   * 128 -> 128, stride-2 128 -> 128 (369,024); block 3: 128 -> 192, 192 -> 192, stride-2 (885,312);
   * block 4: 192 -> 256, 256 -> 256 (1,032,704); dense 8x8x256 -> 64 (1,048,640): 3,448,256. D =
   * 4,011,651. At 32x32 (3 blocks): G 413,696 + 6 x 36,928 + 1,731 = 636,995; encoder 1,792 +
   * 110,784 + 369,024 + (221,376 + 331,968) + dense 12,288 -> 64 (786,496) = 1,821,440; decoder
   * 266,240 + 221,568 + 1,731 = 489,539; D = 2,310,979. (The paper: 4.47M and 3.67M in all; with
   * its N_z = 64 ours would be 4,575,046 and 2,800,518.)
   */
  @ParameterizedTest
  @CsvSource({"64x64x3, 100, 710851, 4011651", "32x32x3, 100, 636995, 2310979",
      "64x64x3, 64, 563395, 4011651", "32x32x3, 64, 489539, 2310979"})
  void parameterCountsFollowTheArchitecture(String shape, int zDim, long g, long d) {
    try (Graph graph = new Graph()) {
      var spec = new ModelSpec(provider.name(), ImageShape.parse(shape), zDim, 64, 1, provider.defaults());
      var gan = provider.build(Ops.create(graph), BuildContext.of(spec));
      assertEquals(g, gan.network("generator").parameterCount());
      assertEquals(d, gan.network("discriminator").parameterCount());
    }
  }

  /**
   * skip = true: after each upsampling the decoder concatenates h0 (8x8xn) upsampled, so the first
   * convolution of every block but the first reads 2n channels: 9 (2n) n + n instead of 9 n n + n,
   * 9 x 64 x 64 = 36,864 more per such block and decoder (3 blocks at 64x64, 2 at 32x32). G:
   * 710,851 + 110,592 = 821,443 and 636,995 + 73,728 = 710,723; D (its decoder only): 4,011,651 +
   * 110,592 = 4,122,243 and 2,310,979 + 73,728 = 2,384,707.
   */
  @ParameterizedTest
  @CsvSource({"64x64x3, 821443, 4122243", "32x32x3, 710723, 2384707"})
  void skipConnectionsWidenTheFirstConvolutionOfEachUpsampledBlock(String shape, long g, long d) {
    try (Graph graph = new Graph()) {
      var spec = new ModelSpec(provider.name(), ImageShape.parse(shape), 100, 64, 1,
          provider.defaults().with(Map.of("skip", "true")));
      var gan = provider.build(Ops.create(graph), BuildContext.of(spec));
      assertEquals(g, gan.network("generator").parameterCount());
      assertEquals(d, gan.network("discriminator").parameterCount());
    }
  }

  /**
   * The balance on hand-made losses: with L(x) = 0.4, gamma = 0.5 and L(G(z)) = 0.1 the generator
   * is "too good" (gamma L(x) - L(G(z)) = 0.1), so k_t rises by lambda_k x 0.1 per update (here
   * lambda_k = 1: 0 -> 0.1 -> 0.2); with L(G(z)) = 0.9 it falls by 0.7 and is clipped at 0.
   */
  @Test
  void kRisesWhenFakesAreReconstructedTooWellAndFallsOtherwise() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var balance = new BeganBalance(new Network(tf, "discriminator", 1, Init.ZEROS), 0.5f, 1f);
      var lossReal = tf.constant(0.4f);
      var easyFakes = balance.updateAfter(tf, tf.noOp(), lossReal, tf.constant(0.1f));
      var hardFakes = balance.updateAfter(tf, tf.noOp(), lossReal, tf.constant(0.9f));
      s.initialize();
      assertEquals(0, GraphRunner.fetch(s, balance.k())[0], 0);
      s.run(easyFakes);
      assertEquals(0.1, GraphRunner.fetch(s, balance.k())[0], 1e-6);
      s.run(easyFakes);
      assertEquals(0.2, GraphRunner.fetch(s, balance.k())[0], 1e-6);
      s.run(hardFakes);
      assertEquals(0, GraphRunner.fetch(s, balance.k())[0], 0);
    }
  }

  @ParameterizedTest
  @CsvSource({"64x64x3", "32x32x1"})
  void autoEncoderMapsImagesToTheEmbeddingAndBack(String shapeText) {
    var shape = ImageShape.parse(shapeText);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var net = new Network(tf, "discriminator", 1, Init.GLOROT_UNIFORM);
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, shape.height(), shape.width(), shape.channels())));
      var code = new BeganEncoder(net, shape, 64, 64).apply(x, Pass.training());
      var back = new BeganDecoder(net, shape, 64, 64).apply(code, Pass.training());
      assertArrayEquals(new long[] {-1, 64}, code.shape().asArray());
      assertArrayEquals(x.shape().asArray(), back.shape().asArray());
    }
  }

  /** output = tanh is the linear decoder's output through tanh, weight for weight (same seed and layout). */
  @Test
  void tanhOutputIsTheLinearOutputThroughTanh() {
    float[] linear = decode(false);
    float[] bounded = decode(true);
    assertEquals(linear.length, bounded.length);
    double largest = 0;
    for (int i = 0; i < linear.length; i++) {
      assertEquals(Math.tanh(linear[i]), bounded[i], 1e-6);
      largest = Math.max(largest, Math.abs(linear[i]));
    }
    assertTrue(largest > 0.5, "the input must drive the output into tanh's curved range, got " + largest);
  }

  private static float[] decode(boolean tanh) {
    var shape = ImageShape.parse("16x16x1");
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var net = new Network(tf, "generator", 7, Init.GLOROT_UNIFORM);
      float[] z = new float[2 * 10];
      for (int i = 0; i < z.length; i++) {
        z[i] = 20f * (i % 7 - 3);
      }
      var out = new BeganDecoder(net, shape, 10, 8, false, tanh)
          .apply(tf.constant(Shape.of(2, 10), DataBuffers.of(z)), Pass.training());
      s.initialize();
      return GraphRunner.fetch(s, out);
    }
  }

  /**
   * v = (1, -1, 0.5, 0), D(v) = (0, 0, 0, 1): L = mean(1, 1, 0.5, 1) = 0.875 (eta 1); with eta 2,
   * mean(1, 1, 0.25, 1) = 0.8125. With L(G(z)) = 0.2,
   * k_t = 0.3, gamma = 0.5: D loss = 0.875 - 0.06 = 0.815; M_global = 0.875 + |0.4375 - 0.2| =
   * 1.1125.
   */
  @Test
  void lossesOnFixedValuesEqualHandValues() {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g)) {
      Ops tf = Ops.create(g);
      var v = tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(1f, -1f, 0.5f, 0f));
      var r = tf.constant(Shape.of(1, 2, 2, 1), DataBuffers.of(0f, 0f, 0f, 1f));
      var lossReal = BeganProvider.reconstruction(tf, 1, v, r);
      var lossFake = tf.constant(0.2f);
      var balance = new BeganBalance(new Network(tf, "discriminator", 1, Init.ZEROS), 0.5f, 0.001f);
      s.initialize();
      assertEquals(0.875, GraphRunner.fetch(s, lossReal)[0], 1e-6);
      assertEquals(0.8125, GraphRunner.fetch(s, BeganProvider.reconstruction(tf, 2, v, r))[0], 1e-6);
      assertEquals(1.1125, GraphRunner.fetch(s, balance.convergence(tf, lossReal, lossFake))[0], 1e-6);
      var dLoss = balance.discriminatorLoss(tf, lossReal, lossFake);
      try (var kt = TFloat32.scalarOf(0.3f); var res = s.runner().feed(balance.k(), kt).fetch(dLoss).run()) {
        assertEquals(0.815, ((TFloat32) res.get(0)).getFloat(), 1e-6);
      }
    }
  }

  /**
   * update = joint: one phase whose step moves D (and k_t) exactly as the alternating D step on the
   * same batch and z does, and G exactly as the alternating G step taken before any D step does:
   * both gradients come from the variables as they were before the step.
   */
  @Test
  void jointUpdateIsBothAlternatingStepsFromTheSameStartingPoint() {
    var base = Map.of("n", "8", "h", "8", "lambda_k", "0.5");
    var jointHp = new HashMap<>(base);
    jointHp.put("update", "joint");
    Map<String, float[]> dAfterD;
    Map<String, float[]> gAfterG;
    try (var h = new ModelHarness(provider, TestSpecs.small(provider, "32x32x1", base))) {
      h.step("d");
      dAfterD = h.snapshot(h.gan().network("discriminator"));
    }
    try (var h = new ModelHarness(provider, TestSpecs.small(provider, "32x32x1", base))) {
      h.step("g");
      gAfterG = h.snapshot(h.gan().network("generator"));
    }
    try (var h = new ModelHarness(provider, TestSpecs.small(provider, "32x32x1", jointHp))) {
      assertEquals(List.of("dg"), h.gan().phases().stream().map(Phase::name).toList());
      var gBefore = h.snapshot(h.gan().network("generator"));
      var scalars = h.step("dg");
      assertEquals(scalars.get("loss_fake"), scalars.get("g_loss"), 0f);
      assertSnapshotsClose(dAfterD, h.snapshot(h.gan().network("discriminator")));
      var gAfter = h.snapshot(h.gan().network("generator"));
      assertSnapshotsClose(gAfterG, gAfter);
      assertFalse(ModelHarness.changed(gBefore, gAfter).isEmpty(), "the joint step must move G");
    }
  }

  private static void assertSnapshotsClose(Map<String, float[]> expected, Map<String, float[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, e) -> {
      float[] a = actual.get(name);
      for (int i = 0; i < e.length; i++) {
        assertEquals(e[i], a[i], 1e-6 * (1 + Math.abs(e[i])), name + "[" + i + "]");
      }
    });
  }

  @Test
  void etaOtherThanOneOrTwoIsRefused() {
    var spec = TestSpecs.small(provider, "32x32x1", Map.of("n", "8", "h", "8", "eta", "3"));
    var e = assertThrows(IllegalArgumentException.class, () -> new ModelHarness(provider, spec).close());
    assertTrue(e.getMessage().contains("eta must be 1 or 2"), e.getMessage());
  }

  /**
   * One discriminator step moves k_t by exactly lambda_k (gamma L(x) - L(G(z))) from the step's
   * own losses, clipped to [0, 1]: checked at the paper's lambda_k, then with a huge lambda_k
   * driving k_t to each bound (gamma 0 makes the balance negative, gamma 1000 positive).
   */
  @ParameterizedTest
  @CsvSource({"0.5, 0.001", "0.5, 30", "0, 1000", "1000, 1000"})
  void kFollowsItsUpdateRuleAndStaysInTheUnitInterval(double gamma, double lambdaK) {
    var spec = TestSpecs.small(provider, "32x32x1",
        Map.of("n", "8", "h", "8", "gamma", Double.toString(gamma), "lambda_k", Double.toString(lambdaK)));
    try (var h = new ModelHarness(provider, spec)) {
      var dNet = h.gan().network("discriminator");
      var kVar = dNet.stateVariables().get(0);
      assertTrue(kVar.op().name().endsWith("k_t"));
      boolean sawBound = false;
      for (int step = 0; step < 4; step++) {
        float before = h.snapshot(dNet).get(kVar.op().name())[0];
        var scalars = h.step("d");
        float after = h.snapshot(dNet).get(kVar.op().name())[0];
        assertEquals(before, scalars.get("k_t"), 0f, "the step's losses use k_t before its update");
        double expected = before + lambdaK * (gamma * scalars.get("loss_real") - scalars.get("loss_fake"));
        double clipped = Math.min(1, Math.max(0, expected));
        sawBound |= clipped != expected;
        assertEquals(clipped, after, 1e-6 * (1 + Math.abs(expected)), "k_t after step " + step);
        assertTrue(after >= 0 && after <= 1);
        assertEquals(scalars.get("loss_real") + Math.abs(gamma * scalars.get("loss_real") - scalars.get("loss_fake")),
            scalars.get("m_global"), 1e-4 * (1 + gamma));
        h.step("g");
        h.redraw();
      }
      assertEquals(lambdaK >= 30, sawBound, "the clip must engage exactly when lambda_k is huge");
    }
  }

  /** The paper's sizes, gamma, lambda_k and rate; the betas the reference code's Adam ran with (TF's defaults). */
  @Test
  void defaultsFollowThePaperAndTheReferenceCode() {
    var hp = provider.defaults();
    assertEquals(0.9, hp.getDouble("beta1"), 0);
    assertEquals(0.999, hp.getDouble("beta2"), 0);
    assertEquals(64, hp.getInt("n"));
    assertEquals(64, hp.getInt("h"));
    assertEquals(0.5, hp.getDouble("gamma"), 0);
    assertEquals(0.001, hp.getDouble("lambda_k"), 0);
    assertEquals(1e-4, hp.getDouble("lr"), 0);
    assertEquals(false, hp.getBoolean("skip"));
    assertEquals("linear", hp.getString("output"));
    assertEquals(1, hp.getInt("eta"));
    assertEquals(35, provider.defaultEpochs());
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("BEGAN", provider().displayName());
    assertEquals(Optional.of("BEGAN"), provider().paperRow());
  }
}
