package org.gansuite.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.perf.MatmulBenchmark;
import org.gansuite.core.perf.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Training throughput per model against the machine's large-matmul FP32 rate. */
@Command(name = "perf", description = "Time training iterations per model and compare with the large-matmul FP32 rate.")
final class PerfCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Option(names = "--models", split = ",", description = "Models to time (default: all registered).")
  List<String> models = new ArrayList<>();

  @Option(names = "--shapes", split = ",", defaultValue = "32x32x3,64x64x3", description = "Image shapes.")
  List<String> shapes;

  @Option(names = "--batch", defaultValue = "64", description = "Batch size.")
  int batch;

  @Option(names = "--warmup", defaultValue = "3", description = "Untimed iterations.")
  int warmup;

  @Option(names = "--iterations", defaultValue = "10", description = "Timed iterations; the median is reported.")
  int iterations;

  @Option(names = "--matmul", defaultValue = "4096", description = "Side of the reference square matmul.")
  int matmul;

  @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time the metrics: clarity, PSNR+SSIM, statistics and FID at 2048 dims (default: on).")
  boolean metrics;

  @Override
  public Integer call() throws Exception {
    var out = cmd.commandLine().getOut();
    var registry = ModelRegistry.load();
    List<GanModelProvider> chosen = new ArrayList<>();
    if (models.isEmpty()) {
      chosen.addAll(registry.all());
    } else {
      models.forEach(m -> chosen.add(registry.get(m)));
    }
    double peak = MatmulBenchmark.gflops(matmul, 5, compute.device, compute.threads);
    out.printf("reference: %dx%d float32 matmul through TensorFlow, median of 5: %.1f GFLOP/s%n", matmul, matmul, peak);
    out.printf("%-14s %-9s %6s %10s %10s %11s %9s %8s%n", "model", "shape", "batch", "ms/iter", "images/s",
        "GFLOP/iter", "GFLOP/s", "of peak");
    for (GanModelProvider p : chosen) {
      for (String sh : shapes) {
        var r = TrainingBenchmark.measure(p, ImageShape.parse(sh), batch, warmup, iterations, compute.device, compute.threads);
        out.printf("%-14s %-9s %6d %10.1f %10.1f %11.2f %9.1f %7.0f%%%n", r.model(), r.shape(), r.batch(),
            r.msPerIteration(), r.imagesPerSecond(), r.gflopPerIteration(), r.gflops(), 100 * r.gflops() / peak);
      }
    }
    if (metrics) {
      MetricsPerf.print(out, compute.device);
    }
    out.printf("protocol: every phase of one training iteration on fixed random inputs (no data loading), "
        + "%d warm-up + %d timed iterations, median; FLOPs of Conv2D/backprops/MatMul at run-time shapes "
        + "(2 per multiply-add); device %s, threads %s; %s%n", warmup, iterations,
        compute.device.resolve(), compute.threads == 0 ? "all" : compute.threads,
        org.gansuite.core.provenance.Provenance.currentCodeVersion());
    return 0;
  }
}
