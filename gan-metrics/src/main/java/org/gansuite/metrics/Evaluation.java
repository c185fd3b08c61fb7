package org.gansuite.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gansuite.core.data.DatasetId;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.cache.ReferenceStats;
import org.gansuite.metrics.cache.StatsCache;
import org.gansuite.metrics.cache.StatsKey;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.Features;

/**
 * Evaluates generated images against a reference data set: FID (Heusel et al. 2017), optionally
 * KID (Binkowski et al. 2018), IS (Salimans et al. 2016) and {@link ModeCoverage} where the
 * extractor classifies, precision/recall/density/coverage ({@link Prdc}), and clarity with its
 * distance to the reference's. Reference statistics are cached by {@link StatsKey}; PRDC and mode
 * coverage need reference features, not statistics: those of a seeded subset of at most
 * {@link #PRDC_SAMPLES} reference images, taken from the features FID/KID extracted when there are
 * any, else extracted for the subset alone (the same images either way). Warns below {@link #MIN_SAMPLES} samples and marks FID below
 * {@link #COMPARABLE_SAMPLES} as not comparable to published numbers.
 */
public final class Evaluation {

  public static final int MIN_SAMPLES = 2048;
  public static final int COMPARABLE_SAMPLES = 10_000;
  /** At most this many generated and reference samples enter PRDC and mode coverage (seeded subsets). */
  public static final int PRDC_SAMPLES = 10_000;
  private static final System.Logger LOG = System.getLogger(Evaluation.class.getName());

  /**
   * Evaluation settings.
   *
   * @param referenceSamples reference images behind the statistics (all when >= the set's size)
   * @param referenceSplit name of the reference split, for the protocol
   * @param splits IS splits (protocol: 10)
   * @param seed seed of the reference subset and of the KID subsets
   * @param kid KID settings, or null for no KID (KID needs the reference features, never cached)
   * @param batchSize images per extractor / clarity batch (clarity: every {@link ClarityDefinition} at once)
   * @param device where the metric graphs run
   * @param nearestK PRDC's k (prdc's {@code nearest_k}, default {@link Prdc#DEFAULT_NEAREST_K})
   */
  public record Config(int referenceSamples, String referenceSplit, int splits, long seed, Kid.Config kid,
      int batchSize, ComputeDevice device, int nearestK) {
    public Config {
      Objects.requireNonNull(referenceSplit, "referenceSplit");
      Objects.requireNonNull(device, "device");
      if (referenceSamples < 2 || splits < 1 || batchSize < 1 || nearestK < 1) {
        throw new IllegalArgumentException("bad evaluation config: referenceSamples " + referenceSamples
            + ", splits " + splits + ", batch " + batchSize + ", nearestK " + nearestK);
      }
    }

    /** With PRDC's default k = 5. */
    public Config(int referenceSamples, String referenceSplit, int splits, long seed, Kid.Config kid, int batchSize,
        ComputeDevice device) {
      this(referenceSamples, referenceSplit, splits, seed, kid, batchSize, device, Prdc.DEFAULT_NEAREST_K);
    }

    public static Config protocol(String referenceSplit, long seed) {
      return new Config(50_000, referenceSplit, InceptionScore.DEFAULT_SPLITS, seed, Kid.Config.protocol(seed),
          50, ComputeDevice.AUTO);
    }
  }

  private Evaluation() {}

  /** {@code cache} may be null (no caching). */
  public static EvaluationResult evaluate(ImageDataset generated, ImageDataset reference,
      FeatureExtractor extractor, StatsCache cache, Config config) throws IOException {
    ExtractorInfo info = extractor.info();
    List<String> warnings = new ArrayList<>();
    int n = generated.size();
    if (n < MIN_SAMPLES) {
      warnings.add("only " + n + " generated samples; FID below " + MIN_SAMPLES + " samples is strongly biased");
    }
    boolean comparable = n >= COMPARABLE_SAMPLES;
    if (!comparable) {
      warnings.add("FID from " + n + " < " + COMPARABLE_SAMPLES + " samples is not comparable to published numbers");
    }
    ImageDataset ref = subset(reference, config.referenceSamples(), config.seed());
    StatsKey key = new StatsKey(reference.id().contentHash(), info.name(), info.weightsSha256(), info.layer(),
        ref.size(), config.seed());
    Features refFeatures = null;
    ReferenceStats refStats = cache == null ? null : cache.load(key).orElse(null);
    if (refStats == null || config.kid() != null) {
      refFeatures = extractor.extract(ref, config.batchSize());
    }
    Features gen = extractor.extract(generated, config.batchSize());
    Features prdcRef = prdcReference(ref, refFeatures, extractor, config);
    Features prdcGen = subsetRows(gen, PRDC_SAMPLES, config.seed());
    Clarity clarity = new Clarity();
    try (Fid fid = new Fid(config.device())) {
      if (refStats == null) {
        refStats = new ReferenceStats(key, FeatureStats.of(refFeatures.features(), config.device()),
            clarity.sums(ref, config.batchSize()).summaries());
        if (cache != null) {
          cache.store(refStats);
        }
      }
      double fidValue = fid.value(FeatureStats.of(gen.features(), config.device()), refStats.stats()).fid();
      double kid = Double.NaN;
      double kidStd = Double.NaN;
      int kidSize = 0;
      if (config.kid() != null) {
        try (Kid k = new Kid(config.device())) {
          Kid.Value v = k.value(gen.features(), refFeatures.features(), config.kid());
          kid = v.kid();
          kidStd = v.std();
          kidSize = v.subsetSize();
        }
      }
      double isMean = Double.NaN;
      double isStd = Double.NaN;
      if (gen.probabilities() != null && info.classes() > 0) {
        try (InceptionScore is = new InceptionScore(config.device())) {
          InceptionScore.Value v = is.value(gen.probabilities(), config.splits());
          isMean = v.mean();
          isStd = v.std();
        }
      }
      Prdc.Value prdc = null;
      int k = config.nearestK();
      if (k < prdcRef.features().rows() && k < prdcGen.features().rows()) {
        try (Prdc p = new Prdc(config.device())) {
          prdc = p.value(prdcRef.features(), prdcGen.features(), k);
        }
      } else {
        warnings.add("no precision/recall/density/coverage: nearest_k = " + k + " needs more than " + k
            + " samples in each set, got " + prdcGen.features().rows() + " generated and "
            + prdcRef.features().rows() + " reference");
      }
      int modeCoverage = -1;
      if (prdcGen.probabilities() != null && prdcRef.probabilities() != null && info.classes() > 0) {
        modeCoverage = ModeCoverage.of(prdcGen.probabilities(), prdcRef.probabilities());
      }
      var genClarity = clarity.sums(generated, config.batchSize()).summaries();
      List<ClarityScore> clarityScores = new ArrayList<>();
      for (var d : ClarityDefinition.ALL) {
        clarityScores.add(new ClarityScore(d, genClarity.get(d), refStats.clarity().get(d).mean()));
      }
      Protocol protocol = new Protocol(info.name(), info.weightsSha256(), info.layer(), n, ref.size(),
          reference.id().name(), reference.id().contentHash(), config.referenceSplit(), config.splits(),
          config.seed(), config.kid() == null ? 0 : config.kid().subsets(), kidSize,
          prdcGen.features().rows(), prdcRef.features().rows(), clarity.conversion(),
          config.device().toString(), extractor.provenance());
      warnings.forEach(w -> LOG.log(System.Logger.Level.WARNING, w));
      double nan = Double.NaN;
      return new EvaluationResult(fidValue, comparable, kid, kidStd, isMean, isStd, clarityScores,
          prdc == null ? nan : prdc.precision(), prdc == null ? nan : prdc.recall(),
          prdc == null ? nan : prdc.density(), prdc == null ? nan : prdc.coverage(), config.nearestK(), modeCoverage,
          n, protocol, warnings);
    }
  }

  /**
   * Reference features of the first {@link #PRDC_SAMPLES} of a seeded permutation of {@code ref}
   * (sorted): rows of {@code refFeatures} when FID/KID extracted them, else the same images extracted.
   */
  private static Features prdcReference(ImageDataset ref, Features refFeatures, FeatureExtractor extractor,
      Config config) {
    if (refFeatures != null) {
      return subsetRows(refFeatures, PRDC_SAMPLES, config.seed());
    }
    return extractor.extract(subset(ref, PRDC_SAMPLES, config.seed()), config.batchSize());
  }

  /** The rows {@link #subset} would pick, or all when n >= the rows. */
  static Features subsetRows(Features f, int n, long seed) {
    int rows = f.features().rows();
    if (n >= rows) {
      return f;
    }
    int[] idx = Kid.sample(new SplittableRandom(seed), rows, n);
    Arrays.sort(idx);
    return new Features(f.features().selectRows(idx),
        f.probabilities() == null ? null : f.probabilities().selectRows(idx), f.info());
  }

  /** The first {@code n} of a seeded permutation (sorted), or the whole set when n >= its size. */
  static ImageDataset subset(ImageDataset data, int n, long seed) {
    if (n >= data.size()) {
      return data;
    }
    int[] idx = Kid.sample(new SplittableRandom(seed), data.size(), n);
    Arrays.sort(idx);
    DatasetId parent = data.id();
    DatasetId id = new DatasetId(parent.name() + "[" + n + " of " + parent.size() + ", seed " + seed + "]", n,
        parent.shape(), parent.contentHash());
    return new ImageDataset() {
      @Override
      public DatasetId id() {
        return id;
      }

      @Override
      public void read(int index, byte[] dst, int offset) {
        data.read(idx[index], dst, offset);
      }
    };
  }
}
