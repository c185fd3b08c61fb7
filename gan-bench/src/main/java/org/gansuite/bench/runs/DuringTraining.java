package org.gansuite.bench.runs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.train.PeriodicEvaluator;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.Fid;
import org.gansuite.metrics.InceptionScore;
import org.gansuite.metrics.Kid;
import org.gansuite.metrics.extract.FeatureExtractor;

/**
 * The evaluation during training: FID and KID of a small sample against a fixed subset of the
 * training images (and IS where the extractor classifies), on the protocol's extractor. Small
 * samples bias FID upwards; the curve is for comparing a run with itself over training and the
 * rows with each other, not with the final table's values.
 */
public final class DuringTraining implements PeriodicEvaluator {

  private static final int BATCH = 256;

  private final FeatureExtractor extractor;
  private final ImageShape shape;
  private final int samples;
  private final long seed;
  private final ComputeDevice device;
  private final FeatureStats referenceStats;
  private final FeatureMatrix referenceFeatures;

  /**
   * @param samples generated images per evaluation; as many training images (a seeded subset) form the reference
   */
  public DuringTraining(ImageDataset reference, FeatureExtractor extractor, int samples, long seed, ComputeDevice device) {
    this.extractor = extractor;
    this.shape = reference.shape();
    this.samples = samples;
    this.seed = seed;
    this.device = device;
    byte[] px = Runner.subset(reference, samples, seed);
    var features = extractor.extract(new InMemoryDataset(reference.id().name() + "-eval-reference-"
        + px.length / shape.pixels(), shape, px), BATCH);
    this.referenceFeatures = features.features();
    this.referenceStats = FeatureStats.of(referenceFeatures, device);
  }

  @Override
  public int samples() {
    return samples;
  }

  @Override
  public Map<String, Double> score(byte[] pixels, int count) {
    var f = extractor.extract(new InMemoryDataset("samples-during-training", shape, pixels), BATCH);
    Map<String, Double> out = new LinkedHashMap<>();
    try (Fid fid = new Fid(device); Kid kid = new Kid(device)) {
      out.put("fid", fid.value(FeatureStats.of(f.features(), device), referenceStats).fid());
      out.put("kid", kid.value(f.features(), referenceFeatures, Kid.Config.protocol(seed)).kid());
    }
    if (f.probabilities() != null) {
      try (InceptionScore is = new InceptionScore(device)) {
        out.put("is", is.value(f.probabilities(), InceptionScore.DEFAULT_SPLITS).mean());
      }
    }
    return out;
  }

  /** The protocol of the numbers, for the table's footnote. */
  public String describe() {
    return "FID and KID of " + samples + " samples against " + referenceFeatures.rows() + " training images with "
        + extractor.info().name();
  }
}
