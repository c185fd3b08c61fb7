package org.gansuite.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.Phase;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs one step of a phase (feeds, update, scalar fetches) and draws samples. */
final class StepRunner {

  private final Session session;
  private final GanGraph graph;
  private final ImageShape shape;
  private final int batchSize;
  private final int zDim;
  private final long seed;
  private RunMetadata traced;

  StepRunner(Session session, GanGraph graph, ImageShape shape, int batchSize, int zDim, long seed) {
    this.session = session;
    this.graph = graph;
    this.shape = shape;
    this.batchSize = batchSize;
    this.zDim = zDim;
    this.seed = seed;
  }

  /** Runs step {@code k} of iteration {@code iteration}; returns the phase's scalars by name. */
  Map<String, Double> run(Phase phase, Batch batch, long iteration, int k, boolean trace) {
    List<Tensor> owned = new ArrayList<>();
    try {
      var in = graph.inputs();
      var runner = session.runner()
          .feed(in.real(), own(owned,
              Tensors.float32(batch.pixels(), batchSize, shape.height(), shape.width(), shape.channels())))
          .feed(in.z(), own(owned, Tensors.float32(Randomness.uniformZ(batchSize, zDim, seed, iteration, k), batchSize, zDim)))
          .feed(in.seed(), own(owned, TInt64.vectorOf(Randomness.stepSeed(seed, iteration, k))))
          .addTarget(phase.update());
      if (graph.batchFeeds().isPresent()) {
        for (var e : graph.batchFeeds().get().forBatch(batch.indices()).entrySet()) {
          runner.feed(e.getKey(), own(owned, e.getValue()));
        }
      }
      List<String> names = new ArrayList<>(phase.scalars().keySet());
      names.sort(null);
      for (String n : names) {
        runner.fetch(phase.scalars().get(n));
      }
      if (trace) {
        runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build());
      }
      try (Result r = trace ? runner.runAndFetchMetadata() : runner.run()) {
        if (trace) {
          traced = r.getMetadata().orElse(null);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          out.put(phase.name() + "/" + names.get(i), (double) ((TFloat32) r.get(i)).getFloat());
        }
        return out;
      }
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  /** Metadata of the last traced step (devices used), if any. */
  RunMetadata traced() {
    return traced;
  }

  /** {@code count} samples from the fixed sample z, as 8-bit NHWC. */
  byte[] samples(int count) {
    return Sampler.draw(session, graph, Randomness.sampleZ(count, zDim, seed), count, zDim);
  }

  private static <T extends Tensor> T own(List<Tensor> owned, T t) {
    owned.add(t);
    return t;
  }
}
