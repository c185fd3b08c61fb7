package org.gansuite.baselines.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Network;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.NoPreparation;
import org.gansuite.core.model.Phase;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A model built through its provider in a fresh graph and session, with seeded random feeds: runs
 * single steps of named phases, fetches values and snapshots the variables of a network. It feeds
 * what the trainer feeds (real images in [-1, 1], z uniform in [-1, 1], a two-word seed), so tests
 * exercise the graph a real run executes.
 */
public final class ModelHarness implements AutoCloseable {

  private final ModelSpec spec;
  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final GanGraph gan;
  private final Session session;
  private final SplittableRandom rng;
  private float[] real;
  private float[] z;
  private long[] seed;

  public ModelHarness(GanModelProvider<NoPreparation> provider, ModelSpec spec) {
    this.spec = spec;
    this.gan = provider.build(tf, BuildContext.of(spec));
    this.session = ComputeDevice.AUTO.session(graph, 0, 0);
    session.initialize();
    this.rng = new SplittableRandom(spec.seed());
    redraw();
  }

  public Ops tf() {
    return tf;
  }

  public Graph graph() {
    return graph;
  }

  public GanGraph gan() {
    return gan;
  }

  public Session session() {
    return session;
  }

  /** Draws new feeds (real batch, z, seed) for the next runs. */
  public void redraw() {
    int b = spec.batchSize();
    real = uniform(b * spec.shape().pixels());
    z = uniform(b * spec.zDim());
    seed = new long[] {rng.nextLong(), rng.nextLong()};
  }

  /** Runs one step of the named phase on the current feeds; returns its scalars. */
  public Map<String, Float> step(String phaseName) {
    Phase phase = phase(phaseName);
    List<String> names = new ArrayList<>(phase.scalars().keySet());
    List<Operand<TFloat32>> fetches = new ArrayList<>();
    names.forEach(n -> fetches.add(phase.scalars().get(n)));
    List<float[]> values = run(fetches, phase);
    Map<String, Float> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), values.get(i)[0]);
    }
    return out;
  }

  /** Fetches values on the current feeds without updating anything. */
  public List<float[]> fetch(List<Operand<TFloat32>> values) {
    return run(values, null);
  }

  public float[] fetch(Operand<TFloat32> value) {
    return fetch(List.of(value)).get(0);
  }

  /** Current value of every variable (parameters and state) of {@code network}, by op name. */
  public Map<String, float[]> snapshot(Network network) {
    List<Variable<TFloat32>> vars = new ArrayList<>(network.trainableVariables());
    vars.addAll(network.stateVariables());
    Map<String, float[]> out = new LinkedHashMap<>();
    List<Operand<TFloat32>> reads = new ArrayList<>();
    vars.forEach(v -> reads.add(v));
    List<float[]> values = run(reads, null);
    for (int i = 0; i < vars.size(); i++) {
      out.put(vars.get(i).op().name(), values.get(i));
    }
    return out;
  }

  /**
   * Runs {@code steps} steps of {@code phaseName} (fresh feeds for each) and returns, for every
   * network of the model, the names of its variables (parameters and state) that changed.
   */
  public Map<String, List<String>> changedBy(String phaseName, int steps) {
    Map<String, Map<String, float[]>> before = new LinkedHashMap<>();
    gan.networks().forEach(n -> before.put(n.name(), snapshot(n)));
    for (int k = 0; k < steps; k++) {
      step(phaseName);
      redraw();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    gan.networks().forEach(n -> out.put(n.name(), changed(before.get(n.name()), snapshot(n))));
    return out;
  }

  /** {@link #changedBy(String, int)} for one step. */
  public Map<String, List<String>> changedBy(String phaseName) {
    return changedBy(phaseName, 1);
  }

  /** Names of the variables whose values differ between two snapshots of the same network. */
  public static List<String> changed(Map<String, float[]> before, Map<String, float[]> after) {
    List<String> out = new ArrayList<>();
    before.forEach((name, v) -> {
      if (!java.util.Arrays.equals(v, after.get(name))) {
        out.add(name);
      }
    });
    return out;
  }

  public Phase phase(String name) {
    return gan.phases().stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no phase " + name));
  }

  private List<float[]> run(List<Operand<TFloat32>> fetches, Phase phase) {
    List<Tensor> owned = new ArrayList<>();
    try {
      var s = spec.shape();
      var in = gan.inputs();
      var runner = session.runner()
          .feed(in.real(), own(owned, TFloat32.tensorOf(
              Shape.of(spec.batchSize(), s.height(), s.width(), s.channels()), DataBuffers.of(real, true, false))))
          .feed(in.z(), own(owned, TFloat32.tensorOf(Shape.of(spec.batchSize(), spec.zDim()),
              DataBuffers.of(z, true, false))))
          .feed(in.seed(), own(owned, TInt64.vectorOf(seed)));
      if (phase != null) {
        runner.addTarget(phase.update());
      }
      fetches.forEach(runner::fetch);
      try (Result r = runner.run()) {
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < fetches.size(); i++) {
          var t = (TFloat32) r.get(i);
          float[] v = new float[(int) t.size()];
          t.copyTo(DataBuffers.of(v, false, false));
          out.add(v);
        }
        return out;
      }
    } finally {
      owned.forEach(Tensor::close);
    }
  }

  private float[] uniform(int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }

  private static <T extends Tensor> T own(List<Tensor> owned, T t) {
    owned.add(t);
    return t;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
