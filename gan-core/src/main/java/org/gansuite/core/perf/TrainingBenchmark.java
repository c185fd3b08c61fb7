package org.gansuite.core.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.graph.LossScaling;
import org.gansuite.core.io.FileTrees;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;
import org.gansuite.core.model.PreparedModel;
import org.gansuite.core.train.TrainConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Times training iterations of a model (every phase, as the trainer runs them) on fixed random
 * inputs, so the figure is pure graph compute, and counts their matrix FLOPs.
 */
public final class TrainingBenchmark {

  /**
   * ms per iteration (median of the timed ones), its FLOPs, the real batches it consumes, and
   * (below float32) what the mixed-precision pass did to the graph of the first phase.
   */
  public record Timing(String model, ImageShape shape, int batch, double msPerIteration, double gflopPerIteration,
      int batchesPerIteration, Precision precision, MixedPrecision.Rewrite rewrite) {
    public double gflops() {
      return gflopPerIteration / (msPerIteration / 1000);
    }

    /** Real training images per second. */
    public double imagesPerSecond() {
      return batch * batchesPerIteration / (msPerIteration / 1000);
    }
  }

  private TrainingBenchmark() {}

  /** {@link #measure(GanModelProvider, ImageShape, int, int, int, ComputeDevice, int, Precision)} in float32. */
  public static Timing measure(GanModelProvider<?> provider, ImageShape shape, int batch, int warmup, int timed,
      ComputeDevice device, int threads) throws IOException {
    return measure(provider, shape, batch, warmup, timed, device, threads, Precision.FP32);
  }

  /**
   * Times {@code timed} iterations after {@code warmup} untimed ones, in {@code precision} (float16
   * with its loss scaling); fails when TensorFlow did not run the graph in that precision.
   */
  public static Timing measure(GanModelProvider<?> provider, ImageShape shape, int batch, int warmup, int timed,
      ComputeDevice device, int threads, Precision precision) throws IOException {
    var spec = new ModelSpec(provider.name(), shape, 100, batch, 1, provider.defaults());
    Path tmp = Files.createTempDirectory("gansuite-perf");
    try (Graph g = new Graph(); Session s = device.session(g, threads, threads > 0 ? 1 : 0, precision)) {
      Ops tf = device.ops(g);
      if (precision.lossScaled()) {
        LossScaling.DEFAULT.install(tf);
      }
      var data = randomData(shape, batch * 4);
      var prepared = PreparedModel.prepare(provider, spec,
          TrainConfig.builder(tmp).setEpochs(1).optDevice(device).optPrecision(precision).optProgress(false).build()
              .prepareContext(data));
      GanGraph gg = prepared.build(tf);
      s.initialize();
      var rng = new SplittableRandom(7);
      float[] real = new float[batch * shape.pixels()];
      float[] z = new float[batch * 100];
      for (int i = 0; i < real.length; i++) {
        real[i] = (float) (rng.nextDouble() * 2 - 1);
      }
      for (int i = 0; i < z.length; i++) {
        z[i] = (float) (rng.nextDouble() * 2 - 1);
      }
      int[] indices = new int[batch];
      for (int i = 0; i < batch; i++) {
        indices[i] = i;
      }
      List<Double> times = new ArrayList<>();
      try (var rt = TFloat32.tensorOf(Shape.of(batch, shape.height(), shape.width(), shape.channels()), DataBuffers.of(real));
          var zt = TFloat32.tensorOf(Shape.of(batch, 100), DataBuffers.of(z));
          var seed = TInt64.vectorOf(1, 2)) {
        Map<Operand<?>, Tensor> extra = gg.batchFeeds().map(f -> f.forBatch(indices)).orElse(Map.of());
        long flops = 0;
        for (Phase p : gg.phases()) {
          flops += p.steps() * FlopCounter.count(g, s, p.update(), r -> feed(r, gg, rt, zt, seed, extra));
        }
        // The first phase once more, untimed, traced: what the pass did to its graph.
        MixedPrecision.Rewrite rewrite;
        try (Result r = feed(s.runner(), gg, rt, zt, seed, extra).addTarget(gg.phases().get(0).update())
            .setOptions(MixedPrecision.TRACE).runAndFetchMetadata()) {
          rewrite = MixedPrecision.observed(r.getMetadata().orElseThrow(), precision);
        }
        MixedPrecision.require(rewrite, device);
        for (int it = 0; it < warmup + timed; it++) {
          long t0 = System.nanoTime();
          for (Phase p : gg.phases()) {
            for (int k = 0; k < p.steps(); k++) {
              var runner = feed(s.runner(), gg, rt, zt, seed, extra).addTarget(p.update());
              runner.run().close();
            }
          }
          if (it >= warmup) {
            times.add((System.nanoTime() - t0) / 1e6);
          }
        }
        extra.values().forEach(Tensor::close);
        times.sort(null);
        return new Timing(provider.name(), shape, batch, times.get(times.size() / 2), flops / 1e9,
            gg.batchesPerIteration(), precision, rewrite);
      }
    } finally {
      FileTrees.delete(tmp);
    }
  }

  private static Session.Runner feed(Session.Runner r, GanGraph gg, Tensor real, Tensor z, Tensor seed,
      Map<Operand<?>, Tensor> extra) {
    r.feed(gg.inputs().real(), real).feed(gg.inputs().z(), z).feed(gg.inputs().seed(), seed);
    extra.forEach(r::feed);
    return r;
  }

  private static InMemoryDataset randomData(ImageShape shape, int count) {
    var rng = new SplittableRandom(3);
    byte[] px = new byte[count * shape.pixels()];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    return new InMemoryDataset("perf-random-" + shape, shape, px);
  }
}
