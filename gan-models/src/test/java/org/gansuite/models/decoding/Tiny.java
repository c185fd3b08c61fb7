package org.gansuite.models.decoding;

import java.nio.file.Path;
import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.GraphRunner;
import org.gansuite.core.train.TrainConfig;
import org.tensorflow.Session;

/** Small settings for fast tests: 16x16x1 images, widths 8, z of 8, batch 16. */
final class Tiny {

  static final ImageShape SHAPE = new ImageShape(16, 16, 1);

  private Tiny() {}

  static ModelSpec spec(Map<String, String> overrides) {
    var hp = DecodingConfig.defaults().with(Map.of("gf", "8", "df", "8")).with(overrides);
    return new ModelSpec("proposed", SHAPE, 8, 16, 5, hp);
  }

  static TrainConfig.Builder config(Path dir) {
    return TrainConfig.builder(dir).setEpochs(1).optThreads(2, 1).optProgress(false).optLogEvery(10)
        .optSampleEvery(0).optCheckpointEvery(0);
  }

  /** Raw bits of every trainable variable of {@code net}, for bit-identity checks. */
  static int[] bits(Session s, Network net) {
    return java.util.Arrays.stream(net.trainableVariables().toArray(new org.tensorflow.op.core.Variable<?>[0]))
        .flatMap(v -> {
          @SuppressWarnings("unchecked")
          var f = GraphRunner.fetch(s, (org.tensorflow.Operand<org.tensorflow.types.TFloat32>) v);
          var out = new java.util.ArrayList<Integer>();
          for (float x : f) {
            out.add(Float.floatToRawIntBits(x));
          }
          return out.stream();
        }).mapToInt(Integer::intValue).toArray();
  }
}
