package org.gansuite.baselines.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.Pixels;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.Trainer;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Learning check on Fashion-MNIST (32x32x1, the 60k training split): each baseline is trained
 * through the generic {@link Trainer} for a fixed number of iterations and must bring its samples
 * clearly closer to real images than its untrained self, measured by {@link
 * PooledFrechetDistance} on 2,000 samples vs 2,000 real images (a documented stand-in until
 * gan-metrics' classifier FID). Networks are narrowed (widths below) so that all seven fit a few
 * minutes each on two CPU cores; losses, optimisers and schedules are the models' defaults. Sample
 * grids (before, after) go to {@code target/learning-check/<model>/}. Prints a Markdown table and
 * exits with status 1 if a model improves by less than half (after / before > 0.5).
 *
 * <p>Arguments: iterations (default 300; WGAN gets a multiple, see {@link #MULTIPLIER}), model
 * names (default: all seven, comma-separated).
 */
public final class LearningCheck {

  /** Narrow widths: about 1/16 of the paper's multiply-adds for the DCGAN-layout models. */
  static final Map<String, Map<String, String>> WIDTHS = Map.of(
      "dcgan", Map.of("gf", "16", "df", "16"), "lsgan", Map.of("gf", "16", "df", "16"),
      "wgan", Map.of("gf", "16", "df", "16"), "wgan-gp", Map.of("gf", "16", "df", "16"),
      "sagan-hinge", Map.of("gf", "16", "df", "16"), "sagan-js", Map.of("gf", "16", "df", "16"),
      "began", Map.of("n", "16", "h", "32"));

  /**
   * Budget multipliers. WGAN's clipped critic with RMSProp at 5e-5 moves slowest of the
   * adversarial losses (at 300 iterations it had closed only ~30% of the gap): three times the
   * iterations. BEGAN starts with k_t = 0 and lambda_k = 0.001, so for its first thousand steps
   * the discriminator barely pushes fakes away and the generator first learns images its
   * auto-encoder reconstructs easily (at 300 iterations the distance had grown, 37.9 -> 67.7):
   * three times as well; at this budget it still misses the bar (see the closing note of the issue).
   */
  static final Map<String, Integer> MULTIPLIER = Map.of("wgan", 3, "began", 3);

  static final int SAMPLES = 2000;
  static final double REQUIRED_RATIO = 0.5;

  private LearningCheck() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    var names = args.length > 1 ? java.util.List.of(args[1].split(",")) : Baselines.NAMES;
    ImageDataset data = Datasets.open("fashion-mnist");
    var shape = data.shape();
    double[][] real = PooledFrechetDistance.features(realImages(data, SAMPLES, 99), SAMPLES, shape.height(),
        shape.channels());
    System.out.println("data: " + data.id().name() + " (" + data.size() + " images), " + iterations + " iterations");
    System.out.println("| model | widths | iterations | FD untrained | FD trained | ratio | train s |");
    System.out.println("|---|---|---|---|---|---|---|");
    boolean ok = true;
    for (GanModelProvider p : Baselines.all()) {
      if (!names.contains(p.name())) {
        continue;
      }
      var spec = new ModelSpec(p.name(), shape, 100, 64, 1, p.defaults().with(WIDTHS.get(p.name())));
      Path dir = Path.of("target", "learning-check", p.name());
      deleteRecursively(dir);
      double before = distance(p, spec, null, real, dir.resolve("untrained.png"));
      int budget = iterations * MULTIPLIER.getOrDefault(p.name(), 1);
      var cfg = TrainConfig.builder(dir.resolve("run")).setEpochs(1000).optMaxIterations(budget)
          .optCheckpointEvery(0).optSampleEvery(0).optLogEvery(50).optProgress(false).build();
      var result = new Trainer(p, spec, data, cfg).train();
      double after = distance(p, spec, result.lastCheckpoint().orElseThrow(), real, dir.resolve("trained.png"));
      double ratio = after / before;
      ok &= ratio <= REQUIRED_RATIO && result.status() == org.gansuite.core.train.TrainResult.Status.COMPLETED;
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.3f | %.0f |%n", p.name(),
          WIDTHS.get(p.name()), result.iterations(), before, after, ratio, result.seconds());
    }
    System.exit(ok ? 0 : 1);
  }

  /** FD of 2,000 samples of the model (initial weights, or restored from a checkpoint); saves a grid. */
  static double distance(GanModelProvider p, ModelSpec spec, Path checkpoint, double[][] real, Path grid)
      throws Exception {
    try (Graph g = new Graph(); Session s = ComputeDevice.AUTO.session(g, 0, 0)) {
      GanGraph gan = p.build(Ops.create(g), org.gansuite.core.model.BuildContext.of(spec));
      if (checkpoint == null) {
        s.initialize();
      } else {
        Checkpoints.restore(s, checkpoint);
      }
      var rng = new SplittableRandom(12345);
      var shape = spec.shape();
      float[] all = new float[SAMPLES * shape.pixels()];
      int batch = 200;
      for (int start = 0; start < SAMPLES; start += batch) {
        float[] z = new float[batch * spec.zDim()];
        for (int i = 0; i < z.length; i++) {
          z[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        try (var zt = TFloat32.tensorOf(Shape.of(batch, spec.zDim()), DataBuffers.of(z, true, false));
            Result r = s.runner().feed(gan.inputs().z(), zt).fetch(gan.samples()).run()) {
          ((TFloat32) r.get(0)).copyTo(DataBuffers.of(all, false, false).offset((long) start * shape.pixels()));
        }
      }
      byte[] grid64 = new byte[64 * shape.pixels()];
      Pixels.toByte(all, 0, grid64, 0, grid64.length);
      Files.createDirectories(grid.getParent());
      ImageWriter.writeGrid(grid, grid64, 64, shape, 8);
      return PooledFrechetDistance.distance(
          PooledFrechetDistance.features(all, SAMPLES, shape.height(), shape.channels()), real);
    }
  }

  /** {@code count} training images drawn without replacement (seeded), in [-1, 1]. */
  static float[] realImages(ImageDataset data, int count, long seed) {
    int[] order = org.gansuite.core.train.Randomness.permutation(data.size(), seed, 0);
    int per = data.shape().pixels();
    byte[] px = new byte[per];
    float[] out = new float[count * per];
    for (int n = 0; n < count; n++) {
      data.read(order[n], px, 0);
      Pixels.toUnit(px, 0, out, n * per, per);
    }
    return out;
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
