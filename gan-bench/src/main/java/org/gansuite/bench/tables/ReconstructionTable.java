package org.gansuite.bench.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.gansuite.bench.results.RunResult;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.metrics.PsnrSsim;
import org.gansuite.metrics.Summary;
import org.gansuite.models.decoding.AutoEncoderConfig;
import org.gansuite.models.decoding.AutoEncoderRun;
import org.gansuite.models.decoding.AutoEncoderSession;

/**
 * The paper's Table 1: PSNR and SSIM between every training image and its U-Net auto-encoder
 * reconstruction (with skips), mean, std, min and max. The auto-encoder is the proposed model's
 * pre-training run; the statistics are stored in {@code reconstruction.json} and the table is
 * built from that file.
 */
public final class ReconstructionTable {

  /** The stored result of Table 1 ({@code reconstruction.json}): PSNR and SSIM over every image. */
  public record Reconstruction(String dataset, int datasetSize, String datasetSha256, String autoencoderCheckpoint,
      Map<String, Object> autoencoder, Summary psnr, Summary ssim, String psnrDefinition, String ssimDefinition,
      String codeVersion) {}

  /** Table 1 of the paper: data set -> {PSNR mean, std, min, max, SSIM mean, std, min, max}. */
  static final Map<String, double[]> PAPER = Map.of(
      "CelebA", new double[] {40.588, 5.558, 22.990, 61.158, 0.9984, 0.0023, 0.9218, 1.0000},
      "CIFAR-10", new double[] {46.219, 6.117, 28.189, 66.779, 0.9993, 0.0019, 0.8180, 1.0000});

  private static final int CHUNK = 256;

  private ReconstructionTable() {}

  /** Trains (or reuses) the auto-encoder under {@code dir}, scores every image, stores the result. */
  public static Path measure(ImageDataset data, Map<String, String> hyper, Path dir, ComputeDevice device, int threads,
      boolean progress) throws IOException {
    Path file = dir.resolve("reconstruction.json");
    if (Files.isRegularFile(file)) {
      return file;
    }
    var provider = ModelRegistry.load().get("proposed");
    var spec = new ModelSpec(provider.name(), data.shape(), 100, 64, 1, provider.defaults().with(hyper));
    var cfg = TrainConfig.builder(dir).setEpochs(1).optDevice(device).optThreads(threads, 0).optProgress(progress).build();
    var run = AutoEncoderRun.of(spec, cfg.prepareContext(data), AutoEncoderConfig.of(spec.hyper()));
    Path checkpoint = run.train(data);
    int n = data.size();
    double[] psnr = new double[n];
    double[] ssim = new double[n];
    int px = data.shape().pixels();
    try (var ae = new AutoEncoderSession(run.spec(), checkpoint, device, threads, 0);
        var metric = new PsnrSsim(device)) {
      byte[] a = new byte[CHUNK * px];
      byte[] b = new byte[CHUNK * px];
      int[] filled = {0, 0};
      ae.reconstructions(data, (index, original, rebuilt) -> {
        System.arraycopy(original, 0, a, filled[0] * px, px);
        System.arraycopy(rebuilt, 0, b, filled[0] * px, px);
        if (++filled[0] == CHUNK || index == n - 1) {
          int bytes = filled[0] * px;
          var v = bytes == a.length ? metric.values(data.shape(), a, b, filled[0])
              : metric.values(data.shape(), Arrays.copyOf(a, bytes), Arrays.copyOf(b, bytes), filled[0]);
          System.arraycopy(v.psnr(), 0, psnr, filled[1], filled[0]);
          System.arraycopy(v.ssim(), 0, ssim, filled[1], filled[0]);
          filled[1] += filled[0];
          filled[0] = 0;
        }
      });
    }
    var result = new Reconstruction(data.id().name(), n, data.id().contentHash(), AutoEncoderRun.checkpointId(checkpoint),
        run.spec().hyper().asMap(), Summary.of(psnr), Summary.of(ssim), PsnrSsim.PSNR_DEFINITION,
        PsnrSsim.SSIM_DEFINITION, Provenance.currentCodeVersion());
    AtomicFiles.write(file, stream -> RunResult.JSON.writeValue(stream, result));
    return file;
  }

  /** The Markdown table from a stored {@code reconstruction.json}, the paper's rows beside ours. */
  public static String markdown(Path file) throws IOException {
    Reconstruction r;
    try {
      r = RunResult.JSON.readValue(file.toFile(), Reconstruction.class);
    } catch (IOException e) {
      throw new DataFormatException(file, "not a readable reconstruction result (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
    var b = new StringBuilder("| data | metric | mean | std | min | max |\n|---|---|---|---|---|---|\n");
    row(b, r.dataset(), "PSNR", r.psnr());
    row(b, r.dataset(), "SSIM", r.ssim());
    PAPER.forEach((name, v) -> {
      b.append(String.format(Locale.ROOT, "| %s (paper) | PSNR | %.3f | %.3f | %.3f | %.3f |%n", name, v[0], v[1], v[2], v[3]));
      b.append(String.format(Locale.ROOT, "| %s (paper) | SSIM | %.4f | %.4f | %.4f | %.4f |%n", name, v[4], v[5], v[6], v[7]));
    });
    return b.append(String.format(Locale.ROOT, "%nProtocol: every one of the %d images of %s (sha256 %.16s) against its "
        + "reconstruction with skips by the auto-encoder checkpoint %.16s (%s); PSNR: %s; SSIM: %s; population std; code %s.%n",
        r.datasetSize(), r.dataset(), r.datasetSha256(), r.autoencoderCheckpoint(), r.autoencoder(),
        r.psnrDefinition(), r.ssimDefinition(), r.codeVersion())).toString();
  }

  private static void row(StringBuilder b, String dataset, String metric, Summary s) {
    b.append(String.format(Locale.ROOT, "| %s (ours) | %s | %.4f | %.4f | %.4f | %.4f |%n", dataset, metric, s.mean(),
        s.std(), s.min(), s.max()));
  }
}
