package org.gansuite.baselines.sagan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.Pass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SaganNetworksTest {

  /** Attention at the 32x32 map for 64x64 images and the 16x16 map for 32x32, in G and in D. */
  @ParameterizedTest
  @CsvSource({"64x64x3, 32", "32x32x3, 16", "32x32x1, 16", "64x64x1, 32"})
  void attentionSitsAtHalfTheImageSideAndOutputsHaveTheirShapes(String shapeText, long side) {
    var shape = ImageShape.parse(shapeText);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      var gen = new SaganGenerator(new Network(tf, "generator", 1, Init.GLOROT_UNIFORM), shape, 100, 64);
      var dis = new SaganDiscriminator(new Network(tf, "discriminator", 1, Init.GLOROT_UNIFORM), shape, 64);
      var z = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 100)));
      var images = gen.apply(z, Pass.training());
      var out = dis.apply(images, Pass.training());
      assertArrayEquals(new long[] {-1, shape.height(), shape.width(), shape.channels()}, images.shape().asArray());
      assertArrayEquals(new long[] {-1, 1}, out.shape().asArray());
      assertArrayEquals(new long[] {-1, side, side, 64}, gen.attentionInput().asArray());
      assertArrayEquals(new long[] {-1, side, side, 64}, dis.attentionInput().asArray());
    }
  }
}
