package org.gansuite.models.decoding;

import java.nio.file.Path;
import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.Pixels;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.Phase;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.train.Randomness;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.GraphRunner;
import org.gansuite.core.train.TrainConfig;
import org.tensorflow.Session;

/** Small settings for fast tests: 16x16x1 images, widths 8, z of 8, batch 16. */
final class Tiny {

  static final ImageShape SHAPE = new ImageShape(16, 16, 1);
  static final int BATCH = 16;

  private Tiny() {}

  static ModelSpec spec(Map<String, String> overrides) {
    var hp = DecodingConfig.defaults().with(Map.of("gf", "8", "df", "8")).with(overrides);
    return new ModelSpec("proposed", SHAPE, 8, BATCH, 5, hp);
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

  /**
   * Runs one step of {@code phase} on a fixed batch of {@link #BATCH} images, with iteration
   * {@code iteration}'s z and the model's batch feeds; returns the phase's loss.
   */
  static float step(Session s, GanGraph graph, Phase phase, int iteration) {
    return run(s, graph, phase.update(), phase.scalars().get("loss"), iteration);
  }

  /** Fetches the scalar {@code value} on the fixed batch, running {@code target} too if not null. */
  static float run(Session s, GanGraph graph, Op target, Operand<TFloat32> value, int iteration) {
    var data = TinyDatasets.gradients(BATCH, SHAPE, 9);
    float[] real = new float[BATCH * SHAPE.pixels()];
    byte[] raw = new byte[SHAPE.pixels()];
    int[] idx = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      idx[i] = i;
      data.read(i, raw, 0);
      Pixels.toUnit(raw, 0, real, i * raw.length, raw.length);
    }
    var in = graph.inputs();
    try (var x = TFloat32.tensorOf(Shape.of(BATCH, 16, 16, 1), DataBuffers.of(real));
        var z = TFloat32.tensorOf(Shape.of(BATCH, 8), DataBuffers.of(Randomness.uniformZ(BATCH, 8, 1, iteration, 0)));
        var seed = TInt64.vectorOf(1, 2)) {
      var runner = s.runner().feed(in.real(), x).feed(in.z(), z).feed(in.seed(), seed).fetch(value);
      if (target != null) {
        runner.addTarget(target);
      }
      Map<Operand<?>, Tensor> extra = graph.batchFeeds().map(f -> f.forBatch(idx)).orElse(Map.of());
      extra.forEach(runner::feed);
      try (var r = runner.run()) {
        return ((TFloat32) r.get(0)).getFloat();
      } finally {
        extra.values().forEach(Tensor::close);
      }
    }
  }

  /** Runs {@code iterations} iterations of every phase of {@code graph} on the fixed batch. */
  static void train(Session s, GanGraph graph, int iterations) {
    for (int it = 0; it < iterations; it++) {
      for (Phase p : graph.phases()) {
        for (int k = 0; k < p.steps(); k++) {
          step(s, graph, p, it);
        }
      }
    }
  }
}
