package org.gansuite.models.decoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Preparation;
import org.gansuite.core.model.PrepareContext;

/**
 * The preparation stage of the decoding-constrained GAN (doi 10.16383/j.aas.c190496), run on
 * every (re)start: pre-train the U-Net auto-encoder (or reuse the finished run), then load or
 * build the feature cache, and read the pre-trained values the GAN starts from. Random-feature
 * variants need no auto-encoder. The auto-encoder checkpoint id and the features' SHA-256 join
 * the run identity, so a resume under other products is refused. The preparation's cost is the
 * auto-encoder pre-training's (the feature pass over the data set is not counted).
 */
public final class DecodingPreparation {

  /** Cache file inside the auto-encoder run folder. */
  public static final String CACHE_FILE = "features.bin";

  private DecodingPreparation() {}

  public static Preparation<Optional<DecodingInputs>> prepare(ModelSpec spec, PrepareContext ctx)
      throws IOException {
    ImageDataset data = ctx.data();
    var dc = DecodingConfig.of(spec.hyper());
    if (!dc.decodes()) {
      return Preparation.of(Map.of(), Optional.empty());
    }
    Map<String, String> identity = new TreeMap<>();
    if (dc.source() != FeatureSource.AE) {
      var f = Features.random(dc.source(), data.size(), spec.zDim(), spec.seed());
      identity.put("features_sha256", f.sha256());
      return Preparation.of(identity, Optional.of(new DecodingInputs(f, Map.of())));
    }
    var run = AutoEncoderRun.of(spec, ctx, dc.ae());
    Path checkpoint = run.train(data);
    String aeId = AutoEncoderRun.checkpointId(checkpoint);
    var key = new FeatureCache.Key(data.id().contentHash(), data.size(), aeId, spec.zDim());
    Path cacheFile = run.dir().resolve(CACHE_FILE);
    var cached = FeatureCache.load(cacheFile, key);
    Features features;
    Map<String, float[]> weights = Map.of();
    try (var ae = new AutoEncoderSession(run.spec(), checkpoint, ctx.device(), ctx.intraOpThreads(), ctx.interOpThreads())) {
      if (cached.isPresent()) {
        features = cached.get();
      } else {
        features = ae.features(data);
        FeatureCache.write(cacheFile, key, features);
      }
      if (dc.warmStart()) {
        weights = ae.weights();
      }
    }
    identity.put("ae_checkpoint", aeId);
    identity.put("features_sha256", features.sha256());
    return Preparation.of(identity, Optional.of(new DecodingInputs(features, weights)), run.cost());
  }
}
