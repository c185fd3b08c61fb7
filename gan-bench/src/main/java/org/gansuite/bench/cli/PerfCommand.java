package org.gansuite.bench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.CpuInfo;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.perf.MatmulBenchmark;
import org.gansuite.core.perf.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Training throughput per model against the machine's large-matmul rate, in one or more
 * precisions side by side, each against the matmul rate of its own precision.
 */
@Command(name = "perf", description = "Time training iterations per model and compare with the large-matmul rate, "
    + "in each --precision side by side.")
final class PerfCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Mixin DeviceOptions compute = new DeviceOptions();

  @Option(names = "--precision", split = ",", defaultValue = "fp32", paramLabel = "fp32|bf16|fp16|auto",
      description = "Precisions to time, side by side (e.g. fp32,bf16); see train --help. bf16 without "
          + "avx512_bf16 or amx_bf16 is emulated (it says so).")
  List<String> precisions;

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
    var device = compute.device.resolve();
    List<Precision> list = new ArrayList<>();
    for (String text : precisions) {
      Precision p = PrecisionOptions.choose(cmd, text, device, compute.threads);
      if (!list.contains(p)) {
        list.add(p);
      }
    }
    var cpu = CpuInfo.local();
    out.printf("cpu: %s, %d logical CPUs (%s)%n", cpu.model(), Runtime.getRuntime().availableProcessors(),
        cpu.describeFlags());
    Map<Precision, Double> peak = new LinkedHashMap<>();
    List<String> peaks = new ArrayList<>();
    for (Precision p : list) {
      var rate = MatmulBenchmark.measure(matmul, 5, device, compute.threads, p);
      peak.put(p, rate.gflops());
      peaks.add(String.format("%s %.1f GFLOP/s", p, rate.gflops()));
    }
    out.printf("reference: %dx%d matmul through TensorFlow %s on %s, median of 5: %s; TensorFlow's oneDNN custom "
        + "operations %s%n", matmul, matmul, org.tensorflow.TensorFlow.version(), device, String.join(", ", peaks),
        org.gansuite.core.device.MixedPrecision.oneDnnOn(device) ? "on" : "off");
    StringBuilder head = new StringBuilder(String.format("%-14s %-9s %6s", "model", "shape", "batch"));
    for (Precision p : list) {
      head.append(String.format(" | %-4s %9s %9s %11s %8s %7s", p, "ms/iter", "images/s", "GFLOP/iter", "GFLOP/s",
          "of peak"));
    }
    if (list.size() > 1) {
      head.append(" | speed vs ").append(list.get(0));
    }
    out.println(head);
    for (GanModelProvider p : chosen) {
      for (String sh : shapes) {
        StringBuilder row = null;
        List<Double> ms = new ArrayList<>();
        for (Precision prec : list) {
          var r = TrainingBenchmark.measure(p, ImageShape.parse(sh), batch, warmup, iterations, device,
              compute.threads, prec);
          if (row == null) {
            row = new StringBuilder(String.format("%-14s %-9s %6d", r.model(), r.shape(), r.batch()));
          }
          ms.add(r.msPerIteration());
          row.append(String.format(" | %-4s %9.1f %9.1f %11.2f %8.1f %6.0f%%", prec, r.msPerIteration(),
              r.imagesPerSecond(), r.gflopPerIteration(), r.gflops(), 100 * r.gflops() / peak.get(prec)));
        }
        for (int i = 1; i < ms.size(); i++) {
          // Iterations per second relative to the first precision's: above 1 is faster.
          row.append(String.format(" | %s %.2fx", list.get(i), ms.get(0) / ms.get(i)));
        }
        out.println(row);
      }
    }
    if (metrics) {
      MetricsPerf.print(out, compute.device);
    }
    out.printf("protocol: every phase of one training iteration on fixed random inputs (no data loading), "
        + "%d warm-up + %d timed iterations, median; FLOPs of Conv2D/backprops/MatMul at run-time shapes "
        + "(2 per multiply-add); below fp32 the float32 graph under TensorFlow's automatic mixed precision, each "
        + "precision against its own matmul rate; device %s, threads %s; %s%n", warmup, iterations,
        device, compute.threads == 0 ? "all" : compute.threads,
        org.gansuite.core.provenance.Provenance.currentCodeVersion());
    return 0;
  }
}
