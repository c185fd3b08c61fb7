package org.gansuite.models.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Parameter counts per network: the paper's "9.45 + 0.84" (64x64) and "8.83 + 0.23" (32x32). */
class ParameterAccountingTest {

  /**
   * Encoder trunk by hand: convs 5*5*3*64+64 = 4,864; 5*5*64*128+128 = 204,928; 5*5*128*256+256 =
   * 819,456; 5*5*256*512+512 = 3,277,312; batch norms 2*(128+256+512) = 1,792: 4,308,352 in all.
   */
  private static final long TRUNK = 4_864 + 204_928 + 819_456 + 3_277_312 + 1_792;

  private static ModelSpec spec(String shape, String encoder) {
    var hp = DecodingConfig.defaults().with(Map.of("encoder", encoder));
    return new ModelSpec("proposed", ImageShape.parse(shape), 100, 64, 1, hp);
  }

  private static Map<String, Long> counts(ProposedNetworks nets) {
    var out = new java.util.LinkedHashMap<String, Long>();
    for (Network n : nets.all()) {
      out.put(n.name(), n.parameterCount());
    }
    return out;
  }

  /** projection = flattened last stage (s/16 * s/16 * 512) x 100 + 100. */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5135363, 4316545, 819300", "32x32x3, 4514819, 4310401, 204900"})
  void sharedTrunkAddsExactlyTheProjection(String shape, long g, long d, long projection) {
    assertEquals(TRUNK, 4_308_352);
    try (Graph graph = new Graph()) {
      var spec = spec(shape, "shared");
      var nets = ProposedNetworks.forGan(Ops.create(graph), spec, AutoEncoderConfig.of(spec.hyper()), true);
      assertEquals(Map.of("generator", g, "discriminator", d, "projection", projection), counts(nets));
      assertEquals(List.of("generator", "discriminator", "projection"), nets.all().stream().map(Network::name).toList());
    }
  }

  @ParameterizedTest
  @CsvSource({"64x64x3, 5135363, 4316545, 819300", "32x32x3, 4514819, 4310401, 204900"})
  void separateEncoderAddsItsTrunkAndProjection(String shape, long g, long d, long projection) {
    try (Graph graph = new Graph()) {
      var spec = spec(shape, "separate");
      var nets = ProposedNetworks.forGan(Ops.create(graph), spec, AutoEncoderConfig.of(spec.hyper()), true);
      assertEquals(Map.of("generator", g, "discriminator", d, "encoder", TRUNK + projection), counts(nets));
    }
  }

  /** Building the U-Net reconstruction (with its four skips) creates no variable. */
  @ParameterizedTest
  @CsvSource({"shared, 32x32x3", "separate, 32x32x3", "shared, 64x64x3"})
  void skipsAddNoParameters(String encoder, String shape) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var spec = spec(shape, encoder);
      var nets = ProposedNetworks.forGan(tf, spec, AutoEncoderConfig.of(spec.hyper()), true);
      var before = counts(nets);
      var s = spec.shape();
      var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.height(), s.width(), s.channels())));
      var encoded = nets.autoEncoder().encode(x, Pass.training());
      var y = nets.autoEncoder().reconstruct(x, Pass.training());
      assertEquals(before, counts(nets));
      assertArrayEquals(new long[] {-1, 100}, encoded.feature().shape().asArray());
      assertArrayEquals(new long[] {-1, s.height(), s.width(), 3}, y.shape().asArray());
    }
  }

  /** The DCGAN-equivalent control (lambda 0) has the paper's DCGAN networks and nothing else. */
  @Test
  void lambdaZeroIsPlainDcgan() {
    try (Graph graph = new Graph()) {
      var spec = new ModelSpec("proposed", ImageShape.parse("32x32x3"), 100, 64, 1,
          DecodingConfig.defaults().with(Map.of("lambda", "0")));
      var built = ProposedGraph.build(Ops.create(graph), spec, DecodingConfig.of(spec.hyper()), Optional.empty());
      assertEquals(List.of("d", "g"), built.graph().phases().stream().map(p -> p.name()).toList());
      assertEquals(Map.of("generator", 4_514_819L, "discriminator", 4_310_401L), counts(built.networks()));
    }
  }
}
