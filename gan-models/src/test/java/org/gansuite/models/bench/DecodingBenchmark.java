package org.gansuite.models.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.data.Pixels;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.model.BuildContext;
import org.gansuite.core.model.GanGraph;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.Randomness;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.core.train.TrainResult;
import org.gansuite.core.train.Trainer;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Fid;
import org.gansuite.metrics.classifier.FashionMnistClassifier;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.FeatureExtractors;
import org.gansuite.models.decoding.AutoEncoderRun;
import org.gansuite.models.decoding.AutoEncoderSession;
import org.gansuite.models.decoding.DecodingConfig;
import org.gansuite.models.decoding.ProposedGanProvider;
import org.gansuite.models.decoding.ReconstructionQuality;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

/**
 * Learning check of the decoding-constrained GAN (doi 10.16383/j.aas.c190496) on Fashion-MNIST
 * (32x32x1): the proposed model against its DCGAN-equivalent control (lambda 0: same networks and
 * optimizers, no auto-encoder, no decoding step) at the same number of iterations, compared with
 * gan-metrics' {@link Fid} on the {@code fashion-mnist-classifier} features (trained and cached on
 * first use) of 2,000 samples vs 2,000 real images (biased upwards at 2,000 samples: compare the
 * two arms, not published numbers); then the auto-encoder's Table 1 reconstruction PSNR over every
 * training image. Not a unit test: minutes of CPU.
 *
 * <p>Arguments: ARM (dcgan | proposed) [iterations=300] [ae-iterations=300] [out=target/decoding-benchmark].
 * Threads are set explicitly (2 intra, 1 inter): with TensorFlow's default pools the nested
 * auto-encoder trainer failed closing its TensorBoard writer ("Resource
 * localhost//...SummaryWriterInterface does not exist"), a gan-core issue reported to its owner.
 */
public final class DecodingBenchmark {

  private static final int N = 2000;

  private DecodingBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || !(args[0].equals("dcgan") || args[0].equals("proposed"))) {
      throw new IllegalArgumentException("usage: DecodingBenchmark dcgan|proposed [iterations] [ae-iterations] [out]");
    }
    String lambda = args[0].equals("dcgan") ? "0" : "1";
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int aeIterations = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    Path out = Path.of(args.length > 3 ? args[3] : "target/decoding-benchmark");
    ImageDataset data = Datasets.open("fashion-mnist");
    System.out.printf(Locale.ROOT, "data %s: %d images %s, sha256 %s%n", data.id().name(), data.size(), data.shape(),
        data.id().contentHash());
    try (FeatureExtractor extractor = FeatureExtractors.open(FashionMnistClassifier.NAME, ExtractorOptions.of(null))) {
      run(lambda, iterations, aeIterations, out, data, extractor);
    }
  }

  private static void run(String lambda, int iterations, int aeIterations, Path out, ImageDataset data,
      FeatureExtractor extractor) throws IOException {
    var s = data.shape();
    FeatureStats real = stats(extractor, realImages(data, N, 1), s);
    System.out.printf(Locale.ROOT, "FID (%s), real vs other real images: %.5f%n", extractor.info().name(),
        Fid.compute(real, stats(extractor, realImages(data, N, 2), s)));

    var provider = new ProposedGanProvider();
    {
      var hp = DecodingConfig.defaults().with(Map.of("lambda", lambda, "ae_max_iterations", Integer.toString(aeIterations)));
      var spec = new ModelSpec(provider.name(), s, 100, 64, 2024, hp);
      var cfg = TrainConfig.builder(out.resolve("lambda-" + lambda)).setEpochs(1).optMaxIterations(iterations)
          .optLogEvery(50).optSampleEvery(0).optCheckpointEvery(0).optProgress(false).optThreads(2, 1).build();
      long t0 = System.nanoTime();
      TrainResult r = new Trainer(provider, spec, data, cfg).train();
      double seconds = (System.nanoTime() - t0) / 1e9;
      byte[][] fake = samples(provider, spec, data, cfg, r.lastCheckpoint().orElseThrow());
      double fid = Fid.compute(stats(extractor, fake, s), real);
      System.out.printf(Locale.ROOT, "lambda %s (%s): %s after %d iterations in %.0f s (AE pre-training included), "
          + "last losses %s; FID %.5f%n", lambda, lambda.equals("0") ? "DCGAN control" : "proposed",
          r.status(), r.iterations(), seconds, r.lastScalars(), fid);
      if (!lambda.equals("0")) {
        table1(spec, cfg, data);
      }
    }
  }

  /** Table 1: PSNR of every training image against its reconstruction with skips. */
  private static void table1(ModelSpec spec, TrainConfig cfg, ImageDataset data) throws IOException {
    var run = AutoEncoderRun.of(spec, cfg.prepareContext(data), DecodingConfig.of(spec.hyper()).ae());
    Path ckpt = new Checkpoints(run.dir().resolve("checkpoints"), 1).latest().orElseThrow();
    long t0 = System.nanoTime();
    try (var ae = new AutoEncoderSession(run.spec(), ckpt, cfg.device(), 0, 0)) {
      var psnr = ReconstructionQuality.psnr(ae, data);
      System.out.printf(Locale.ROOT, "Table 1 (%s, AE %s): PSNR mean %.3f std %.3f min %.3f max %.3f over %d images"
          + " (%d exact); SSIM awaits gan-metrics; %.0f s%n", data.id().name(), ckpt.getFileName(), psnr.mean(),
          psnr.std(), psnr.min(), psnr.max(), psnr.count(), psnr.excluded(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /** {@code N} samples from the run's final checkpoint, z seeded apart from training's. */
  private static byte[][] samples(ProposedGanProvider provider, ModelSpec spec, ImageDataset data, TrainConfig cfg,
      Path checkpoint) throws IOException {
    var prepared = provider.prepare(spec, cfg.prepareContext(data)); // reuses the finished products
    try (Graph g = new Graph(); Session session = ComputeDevice.AUTO.session(g)) {
      GanGraph gg = provider.build(Ops.create(g), new BuildContext<>(spec, prepared));
      Checkpoints.restore(session, checkpoint);
      float[] z = Randomness.uniformZ(N, spec.zDim(), spec.seed() + 7919, -2, -2);
      float[] v = Tensors.run(session, gg.inputs().z(), z, new long[] {N, spec.zDim()}, gg.samples())[0];
      int px = spec.shape().pixels();
      byte[][] out = new byte[N][px];
      for (int i = 0; i < N; i++) {
        Pixels.toByte(v, i * px, out[i], 0, px);
      }
      return out;
    }
  }

  private static FeatureStats stats(FeatureExtractor extractor, byte[][] images, ImageShape shape) {
    byte[] all = new byte[images.length * shape.pixels()];
    for (int i = 0; i < images.length; i++) {
      System.arraycopy(images[i], 0, all, i * shape.pixels(), shape.pixels());
    }
    return FeatureStats.of(extractor.extract(new InMemoryDataset("images", shape, all), 200).features());
  }

  /** {@code n} training images drawn without replacement, seeded. */
  private static byte[][] realImages(ImageDataset data, int n, long seed) {
    int[] order = Randomness.permutation(data.size(), seed, 0);
    byte[][] out = new byte[n][data.shape().pixels()];
    for (int i = 0; i < n; i++) {
      data.read(order[i], out[i], 0);
    }
    return out;
  }

}
