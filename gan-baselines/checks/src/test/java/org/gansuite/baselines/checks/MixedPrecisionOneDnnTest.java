package org.gansuite.baselines.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.OneDnnJvm;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bf16 training of DCGAN and of WGAN-GP (whose gradient penalty takes second-order gradients)
 * stays finite and tracks fp32: the same model, seed, data and iterations trained in fp32 here and
 * in bf16 in a child JVM with TensorFlow's oneDNN operations on ({@link OneDnnJvm}; TensorFlow reads
 * that switch once, as it loads, and keeps it off on CPUs without AVX512-VNNI/BF16, AVX-VNNI or
 * AMX). Networks at gf = df = 8 on 16x16x1 images (seeded gradients), batches of 16, one thread.
 *
 * <p>Tolerance, per logged loss and per third of the run: |mean bf16 − mean fp32| ≤ 0.5 · (std of
 * the fp32 values over the whole run) + 0.02 · |mean fp32| + 0.001: the two trajectories part (GAN
 * training amplifies rounding), their levels must not. Below it, bf16 must differ from fp32 (mean
 * |difference| above 0), and the graphs TensorFlow ran must hold bfloat16 convolutions and their
 * backprops: proof that the pass applied. Measured on the suite's AVX2 EPYC (bfloat16 emulated;
 * 20-24 s per model on a quiet machine, 49 s under load): DCGAN, 300 iterations: window differences 0.0004 to 0.0048, the
 * closest to its tolerance d/fake_logit's 0.0048 against 0.0205 (d/loss 0.0023 against 0.048);
 * WGAN-GP, 100 iterations (500 critic and 100 generator steps): 0.0006 to 0.33, the closest g/loss's
 * 0.198 against 0.603 (critic/loss 0.33 against 3.06), each at the middle third, where the critic's
 * loss falls from +10 (the penalty) to -4.
 */
class MixedPrecisionOneDnnTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
  private static final Map<String, String> NARROW = Map.of("gf", "8", "df", "8");

  @TempDir Path tmp;

  /** The bf16 side: {@code <model> <iterations> <dir>}; trains and writes {@code <dir>/done.json}. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      var r = train(args[0], Integer.parseInt(args[1]), Precision.BF16, Path.of(args[2]));
      JSON.writeValue(Path.of(args[2]).resolve("done.json").toFile(), Map.of("status", r.status().name(),
          "message", r.message()));
    }
  }

  static TrainResult train(String model, int iterations, Precision precision, Path dir) throws IOException {
    var provider = ModelRegistry.load().get(model);
    var spec = new ModelSpec(provider.name(), SHAPE, 100, 16, 3, provider.defaults().with(NARROW));
    var cfg = TrainConfig.builder(dir).setEpochs(1000).optMaxIterations(iterations).optLogEvery(1)
        .optCheckpointEvery(0).optCheckpointMinutes(0).optSampleEvery(0).optDevice(ComputeDevice.CPU)
        .optThreads(1, 1).optProgress(false).optPrecision(precision).build();
    return new Trainer(provider, spec, TinyDatasets.gradients(512, SHAPE, 5), cfg).train();
  }

  /** Logged value per key, per iteration. */
  private static Map<String, double[]> log(Path dir, List<String> keys) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("log.jsonl"));
    Map<String, double[]> out = new LinkedHashMap<>();
    keys.forEach(k -> out.put(k, new double[lines.size()]));
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = JSON.readTree(lines.get(i));
      for (String k : keys) {
        out.get(k)[i] = n.get(k).asDouble();
      }
    }
    return out;
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  private static double std(double[] v) {
    double m = mean(v, 0, v.length);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / v.length);
  }

  private void tracks(String model, int iterations, List<String> keys) throws Exception {
    Path fp32 = tmp.resolve(model + "-fp32");
    Path bf16 = tmp.resolve(model + "-bf16");
    assertEquals(TrainResult.Status.COMPLETED, train(model, iterations, Precision.FP32, fp32).status());
    OneDnnJvm.run(Child.class, 10, model, String.valueOf(iterations), bf16.toString());
    JsonNode done = JSON.readTree(bf16.resolve("done.json").toFile());
    assertEquals("COMPLETED", done.get("status").asText(), done.get("message").asText());

    var state = Checkpoints.readState(new Checkpoints(bf16.resolve("checkpoints"), 3).latest().orElseThrow());
    String rewrite = state.provenance().config().get("precision_rewrite");
    assertTrue(rewrite != null && rewrite.matches("bf16: [1-9][0-9]* of .*") && rewrite.contains("Conv2D,")
        && rewrite.contains("Conv2DBackpropFilter") && rewrite.contains("Conv2DBackpropInput"), String.valueOf(rewrite));

    var a = log(fp32, keys);
    var b = log(bf16, keys);
    int n = iterations;
    double differs = 0;
    StringBuilder report = new StringBuilder(model + " bf16 vs fp32, " + n + " iterations:");
    for (String k : keys) {
      double[] x = a.get(k);
      double[] y = b.get(k);
      assertEquals(n, x.length);
      assertEquals(n, y.length);
      for (int i = 0; i < n; i++) {
        assertTrue(Double.isFinite(y[i]), k + " at iteration " + (i + 1) + ": " + y[i]);
        differs += Math.abs(x[i] - y[i]) / n;
      }
      double sd = std(x);
      for (int w = 0; w < 3; w++) {
        int from = w * n / 3;
        int to = (w + 1) * n / 3;
        double ma = mean(x, from, to);
        double mb = mean(y, from, to);
        double tol = 0.5 * sd + 0.02 * Math.abs(ma) + 1e-3;
        report.append(String.format(Locale.ROOT, " %s[%d,%d) %.4f vs %.4f (|d| %.4f, tol %.4f);", k, from, to, mb, ma,
            Math.abs(mb - ma), tol));
        assertTrue(Math.abs(mb - ma) <= tol, String.format(Locale.ROOT,
            "%s, iterations %d to %d: mean bf16 %.5f, fp32 %.5f, |difference| %.5f above %.5f", k, from + 1, to, mb, ma,
            Math.abs(mb - ma), tol));
      }
    }
    System.out.println(report);
    assertTrue(differs > 0, "bf16 losses equal fp32's bit for bit: the pass did not apply");
  }

  @Test
  void dcganInBf16TracksFp32() throws Exception {
    tracks("dcgan", 300, List.of("d/loss", "g/loss", "d/real_logit", "d/fake_logit"));
  }

  /** WGAN-GP's critic step differentiates the critic's input gradient: the second-order path runs in bf16 too. */
  @Test
  void wganGpInBf16TracksFp32() throws Exception {
    tracks("wgan-gp", 100, List.of("critic/loss", "critic/wasserstein", "critic/gradient_penalty", "g/loss"));
  }
}
