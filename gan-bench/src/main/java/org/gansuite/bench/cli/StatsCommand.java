package org.gansuite.bench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.io.Npz;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** FID statistics of an image folder, written as a TTUR / pytorch-fid compatible {@code .npz}. */
@Command(name = "stats", description = "Write the FID statistics (mu, sigma, n) of an image folder's features "
    + "to a .npz that TTUR and pytorch-fid read.")
final class StatsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--images", required = true, description = "Folder of PNG/JPEG images (all of one size).")
  Path images;

  @Option(names = "--out", required = true, description = "The .npz to write (atomically: a temporary file, then a move).")
  Path out;

  @Mixin MetricOptions metric;

  @Mixin ExtractorOptionsMixin extractor;

  @Override
  public Integer call() throws Exception {
    if (!out.getFileName().toString().endsWith(".npz")) {
      throw new UserError(out + ": the statistics file must end in .npz");
    }
    ComputeDevice device = metric.device();
    FidInput side;
    Report report = new Report(device.toString()).define("stats", "mean and unbiased (N-1) covariance of the "
        + "features in float64, as TTUR and pytorch-fid store them (mu, sigma) plus n");
    extractor.require(images);
    // Decoded before the extractor opens: a bad image fails fast, before any model loads.
    ImageDataset data = ExtractorOptionsMixin.readFolder(images);
    try (FeatureExtractor ex = extractor.open(device, images)) {
      side = FidInput.ofImages(images, data, ex, extractor.batch(), device);
      report.protocol("extractor", ExtractorOptionsMixin.describe(ex));
    }
    FeatureStats stats = side.stats();
    Npz.writeStats(out, stats);
    report.value("n", stats.n()).value("dim", stats.dim()).value("trace_sigma", stats.traceSigma())
        .value("out", out.toAbsolutePath().normalize().toString());
    report.protocol("images", side.describe());
    report.print(cmd.commandLine().getOut(), metric.json);
    return 0;
  }
}
