package org.gansuite.bench.runs;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.report.HtmlReport;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.train.Sampler;
import org.gansuite.core.train.TrainConfig;
import org.gansuite.metrics.Evaluation;
import org.gansuite.metrics.EvaluationResult;
import org.gansuite.metrics.Kid;
import org.gansuite.metrics.cache.StatsCache;
import org.gansuite.metrics.extract.FeatureExtractor;

/**
 * Scores a trained generator: {@code samples} images from a checkpoint (z drawn with a seed derived
 * from the run's), a grid of them in the run folder, and the evaluation protocol against the
 * training set (FID/KID on the extractor's features, IS over 10 splits, clarity).
 */
public final class Scoring {

  /** What the evaluation uses besides the generator. */
  public record Setup(ImageDataset reference, int referenceSamples, FeatureExtractor extractor, StatsCache cache,
      ComputeDevice device) {}

  private Scoring() {}

  public static EvaluationResult score(GanModelProvider provider, ModelSpec spec, TrainConfig cfg, Path checkpoint,
      int samples, Setup setup) throws IOException {
    var data = setup.reference();
    byte[] px;
    try (var sampler = new Sampler(provider, spec, data, cfg, checkpoint)) {
      px = sampler.sample(samples, Protocol.SAMPLING_SEED_OFFSET + spec.seed(), 256);
    }
    ImageWriter.writeGrid(cfg.runDir().resolve(HtmlReport.GRID), px, Math.min(64, samples), data.shape(), 8);
    var images = new InMemoryDataset(spec.model() + "-seed-" + spec.seed() + "-samples", data.shape(), px);
    return evaluate(images, spec.seed(), setup);
  }

  /** Scores given images (e.g. a subset of the training set for its own row). */
  public static EvaluationResult evaluate(ImageDataset images, long seed, Setup setup) throws IOException {
    var data = setup.reference();
    var config = new Evaluation.Config(Math.min(setup.referenceSamples(), data.size()), data.id().name(), 10,
        Protocol.EVALUATION_SEED, Kid.Config.protocol(Protocol.EVALUATION_SEED + seed), 100, setup.device());
    return Evaluation.evaluate(images, data, setup.extractor(), setup.cache(), config);
  }
}
