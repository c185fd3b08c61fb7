package org.gansuite.core.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DcganNetworksTest {

  /** Expected counts: PROTOCOL.md, equal to the paper's 9.45M and 8.83M. */
  @ParameterizedTest
  @CsvSource({"64x64x3, 5135363, 4316545", "32x32x3, 4514819, 4310401"})
  void parameterCountsMatchThePaper(String shape, long g, long d) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      ImageShape s = ImageShape.parse(shape);
      var gen = new Network(tf, "generator", 1, Init.NORMAL_002);
      var dis = new Network(tf, "discriminator", 1, Init.NORMAL_002);
      var G = new DcganGenerator(gen, s, 100, 64);
      var D = new DcganDiscriminator(dis, s, 64, Norm.BATCH);
      var z = tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, 100)));
      var img = G.apply(z, Pass.training());
      var logits = D.logits(img, Pass.training());
      assertArrayEquals(new long[] {-1, s.height(), s.width(), 3}, img.shape().asArray());
      assertArrayEquals(new long[] {-1, 1}, logits.shape().asArray());
      assertEquals(g, gen.parameterCount());
      assertEquals(d, dis.parameterCount());
    }
  }

  /** The trunk is the discriminator less its logit layer (flattened last stage -> 1, with bias). */
  @ParameterizedTest
  @CsvSource({"64x64x3, 4316545, 8192", "32x32x3, 4310401, 2048"})
  void trunkHasNoLogitLayer(String shape, long d, long featureSize) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var net = new Network(tf, "encoder", 1, Init.NORMAL_002);
      var trunk = DcganDiscriminator.trunk(net, ImageShape.parse(shape), 64, Norm.BATCH);
      assertEquals(d - featureSize - 1, net.parameterCount());
      var x = tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(-1, 8, 8, 3)));
      org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> trunk.logits(x, Pass.inference()));
    }
  }
}
