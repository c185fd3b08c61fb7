package org.gansuite.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
import org.gansuite.core.perf.FlopCounter;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs one step of a phase (feeds, update, scalar fetches), counts its FLOPs, and draws samples. */
final class StepRunner {

  private final Session session;
  private final GanGraph graph;
  private final ModelSpec spec;
  private final boolean partitionGraphs;
  private RunMetadata traced;

  /** @param partitionGraphs whether a traced step also keeps the graphs TensorFlow ran (to check a precision) */
  StepRunner(Session session, GanGraph graph, ModelSpec spec, boolean partitionGraphs) {
    this.session = session;
    this.graph = graph;
    this.spec = spec;
    this.partitionGraphs = partitionGraphs;
  }

  /** Runs step {@code k} of iteration {@code iteration}; returns the phase's scalars by name. */
  Map<String, Double> run(Phase phase, Batch batch, long iteration, int k, boolean trace) {
    List<Tensor> owned = new ArrayList<>();
    try {
      var runner = feed(session.runner(), batch, iteration, k, owned).addTarget(phase.update());
      List<String> names = new ArrayList<>(phase.scalars().keySet());
      names.sort(null);
      for (String n : names) {
        runner.fetch(phase.scalars().get(n));
      }
      if (trace) {
        runner.setOptions(RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
            .setOutputPartitionGraphs(partitionGraphs).build());
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

  /**
   * The counted FLOPs of one step of {@code phase} with the feeds step {@code k} of
   * {@code iteration} would get from {@code batch}; runs no update.
   */
  long flops(Graph g, Phase phase, Batch batch, long iteration, int k) {
    List<Tensor> owned = new ArrayList<>();
    try {
      return FlopCounter.count(g, session, phase.update(), r -> feed(r, batch, iteration, k, owned));
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  /** The feeds of step {@code k} of {@code iteration}: real batch, z, step seed and the model's batch feeds. */
  private Session.Runner feed(Session.Runner runner, Batch batch, long iteration, int k, List<Tensor> owned) {
    var in = graph.inputs();
    var s = spec.shape();
    int b = spec.batchSize();
    runner.feed(in.real(), own(owned, Tensors.float32(batch.pixels(), b, s.height(), s.width(), s.channels())))
        .feed(in.z(), own(owned, Tensors.float32(Randomness.uniformZ(b, spec.zDim(), spec.seed(), iteration, k), b,
            spec.zDim())))
        .feed(in.seed(), own(owned, TInt64.vectorOf(Randomness.stepSeed(spec.seed(), iteration, k))));
    if (graph.batchFeeds().isPresent()) {
      for (var e : graph.batchFeeds().get().forBatch(batch.indices()).entrySet()) {
        runner.feed(e.getKey(), own(owned, e.getValue()));
      }
    }
    return runner;
  }

  /** Metadata of the last traced step (devices used), if any. */
  RunMetadata traced() {
    return traced;
  }

  /** {@code count} samples from the fixed sample z, as 8-bit NHWC. */
  byte[] samples(int count) {
    return Sampler.draw(session, graph, Randomness.sampleZ(count, spec.zDim(), spec.seed()), count, spec.zDim());
  }

  /** {@code count} samples from the fixed evaluation z, as 8-bit NHWC, drawn as {@link Sampler} draws. */
  byte[] evaluationSamples(int count) {
    return Sampler.sample(session, graph, spec, count, Randomness.evaluationSeed(spec.seed()), spec.batchSize());
  }

  private static <T extends Tensor> T own(List<Tensor> owned, T t) {
    owned.add(t);
    return t;
  }
}
