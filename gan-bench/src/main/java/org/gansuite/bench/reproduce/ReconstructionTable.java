package org.gansuite.bench.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.provenance.Provenance;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.metrics.ComputeDevice;
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

  /** Table 1 of the paper: data set -> {PSNR mean, std, min, max, SSIM mean, std, min, max}. */
  static final Map<String, double[]> PAPER = Map.of(
      "CelebA", new double[] {40.588, 5.558, 22.990, 61.158, 0.9984, 0.0023, 0.9218, 1.0000},
      "CIFAR-10", new double[] {46.219, 6.117, 28.189, 66.779, 0.9993, 0.0019, 0.8180, 1.0000});

  private static final int CHUNK = 256;

  private ReconstructionTable() {}

  /** Trains (or reuses) the auto-encoder under {@code dir}, scores every image, stores the result. */
  public static Path measure(ImageDataset data, Map<String, String> hyper, Path dir, String device, int threads,
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
    try (var ae = new AutoEncoderSession(run.spec(), checkpoint, threads, 0);
        var metric = new PsnrSsim(ComputeDevice.parse(device))) {
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
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dataset", data.id().name());
    out.put("dataset_size", n);
    out.put("dataset_sha256", data.id().contentHash());
    out.put("autoencoder_checkpoint", AutoEncoderRun.checkpointId(checkpoint));
    out.put("autoencoder", run.spec().hyper().asMap());
    out.putAll(Summary.of(psnr).toJson("psnr"));
    out.putAll(Summary.of(ssim).toJson("ssim"));
    out.put("psnr_definition", PsnrSsim.PSNR_DEFINITION);
    out.put("ssim_definition", PsnrSsim.SSIM_DEFINITION);
    out.put("code_version", Provenance.currentCodeVersion());
    AtomicFiles.write(file, stream -> ResultRecord.JSON.writeValue(stream, out));
    return file;
  }

  /** The Markdown table from a stored {@code reconstruction.json}, the paper's rows beside ours. */
  public static String markdown(Path file) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = ResultRecord.JSON.readValue(file.toFile(), Map.class);
    var b = new StringBuilder("| data | metric | mean | std | min | max |\n|---|---|---|---|---|---|\n");
    for (String m : new String[] {"psnr", "ssim"}) {
      b.append(String.format(Locale.ROOT, "| %s (ours) | %s | %s | %s | %s | %s |%n", r.get("dataset"),
          m.toUpperCase(Locale.ROOT), num(r.get(m + "_mean")), num(r.get(m + "_std")), num(r.get(m + "_min")),
          num(r.get(m + "_max"))));
    }
    PAPER.forEach((name, v) -> {
      b.append(String.format(Locale.ROOT, "| %s (paper) | PSNR | %.3f | %.3f | %.3f | %.3f |%n", name, v[0], v[1], v[2], v[3]));
      b.append(String.format(Locale.ROOT, "| %s (paper) | SSIM | %.4f | %.4f | %.4f | %.4f |%n", name, v[4], v[5], v[6], v[7]));
    });
    return b.append(String.format(Locale.ROOT, "%nProtocol: every one of the %s images of %s (sha256 %.16s) against its "
        + "reconstruction with skips by the auto-encoder checkpoint %.16s (%s); PSNR: %s; SSIM: %s; population std; code %s.%n",
        r.get("dataset_size"), r.get("dataset"), r.get("dataset_sha256"), r.get("autoencoder_checkpoint"),
        r.get("autoencoder"), r.get("psnr_definition"), r.get("ssim_definition"), r.get("code_version"))).toString();
  }

  private static String num(Object o) {
    return o instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(o);
  }
}
