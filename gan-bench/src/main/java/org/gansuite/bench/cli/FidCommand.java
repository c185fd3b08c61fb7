package org.gansuite.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.Evaluation;
import org.gansuite.metrics.Fid;
import org.gansuite.metrics.InceptionScore;
import org.gansuite.metrics.Kid;
import org.gansuite.metrics.Prdc;
import org.gansuite.metrics.extract.FeatureExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * FID between two inputs, each FID statistics, features or an image folder; KID, precision, recall,
 * density and coverage too when both sides have features, and IS of the first when an extractor
 * with classes read it.
 */
@Command(name = "fid", description = {
    "FID between A and B, each a .npz of FID statistics (mu, sigma), a .npy of N x d features, or an image "
        + "folder (then --extractor). Also KID and precision/recall/density/coverage (A generated, B real) when "
        + "both have features, IS of A when the extractor classifies."})
final class FidCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Parameters(index = "0", paramLabel = "A", description = "Generated side: .npz, .npy or image folder.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "Reference side: .npz, .npy or image folder.")
  Path b;

  @Mixin MetricOptions metric;

  @Mixin ExtractorOptionsMixin extractor;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the KID subsets.")
  long seed;

  @Option(names = "--nearest-k", defaultValue = "" + Prdc.DEFAULT_NEAREST_K,
      description = "k of precision, recall, density and coverage (prdc's nearest_k).")
  int nearestK;

  @Override
  public Integer call() throws Exception {
    ComputeDevice device = metric.device();
    if (nearestK < 1) {
      throw new UserError("--nearest-k must be >= 1, got " + nearestK);
    }
    FidInput.Kind kindA = FidInput.kindOf(a);
    FidInput.Kind kindB = FidInput.kindOf(b);
    ImageDataset imagesA = imagesOf(a, kindA);
    ImageDataset imagesB = imagesOf(b, kindB);
    FidInput sideA;
    FidInput sideB;
    Map<String, Object> extractorInfo = null;
    if (imagesA != null || imagesB != null) {
      try (FeatureExtractor ex = extractor.open(device, imagesA != null ? a : b)) {
        sideA = load(a, imagesA, ex, device);
        sideB = load(b, imagesB, ex, device);
        extractorInfo = ExtractorOptionsMixin.describe(ex);
      }
    } else {
      sideA = FidInput.ofFile(a, device);
      sideB = FidInput.ofFile(b, device);
    }
    if (sideA.stats().dim() != sideB.stats().dim()) {
      throw new UserError("dimensions differ: " + a + " has " + sideA.stats().dim() + "-d "
          + sideA.kind() + ", " + b + " has " + sideB.stats().dim() + "-d " + sideB.kind());
    }
    Report report;
    try {
      report = compute(sideA, sideB, device);
    } catch (ArithmeticException e) {
      // Statistics files hold what another tool wrote; a covariance that is not one is their fault.
      throw new UserError(a + ", " + b + ": " + e.getMessage(), e);
    }
    if (extractorInfo != null) {
      report.protocol("extractor", extractorInfo);
    }
    report.print(cmd.commandLine().getOut(), metric.json);
    return 0;
  }

  /**
   * The decoded images of a folder argument, null for a file. Folders are decoded before the
   * extractor opens, so that a bad image fails fast, before any model loads or trains.
   */
  private ImageDataset imagesOf(Path p, FidInput.Kind kind) {
    if (kind != FidInput.Kind.IMAGES) {
      return null;
    }
    extractor.require(p);
    return ExtractorOptionsMixin.readFolder(p);
  }

  private FidInput load(Path p, ImageDataset images, FeatureExtractor ex, ComputeDevice device) throws Exception {
    return images != null ? FidInput.ofImages(p, images, ex, extractor.batch(), device) : FidInput.ofFile(p, device);
  }

  private Report compute(FidInput sideA, FidInput sideB, ComputeDevice device) {
    Report report = new Report(device.toString()).define("fid", Fid.DEFINITION);
    try (Fid fid = new Fid(device)) {
      Fid.Value v = fid.value(sideA.stats(), sideB.stats());
      report.value("fid", v.fid());
      report.protocol("fid_diagonal_offset", v.diagonalOffset());
    }
    if (sideA.features() != null && sideB.features() != null) {
      report.define("kid", Kid.DEFINITION);
      try (Kid kid = new Kid(device)) {
        Kid.Value v = kid.value(sideA.features(), sideB.features(), Kid.Config.protocol(seed));
        report.value("kid", v.kid()).value("kid_std", v.std());
        report.protocol("kid_subsets", v.subsets()).protocol("kid_subset_size", v.subsetSize()).protocol("seed", seed);
      }
    }
    prdc(report, sideA, sideB, device);
    if (sideA.probabilities() != null && sideA.n() >= InceptionScore.DEFAULT_SPLITS) {
      report.define("is", InceptionScore.DEFINITION + "; of A");
      try (InceptionScore is = new InceptionScore(device)) {
        InceptionScore.Value v = is.value(sideA.probabilities(), InceptionScore.DEFAULT_SPLITS);
        report.value("is_mean", v.mean()).value("is_std", v.std());
        report.protocol("is_splits", v.splits());
      }
    }
    report.value("n", sideA.n() == 0 ? null : sideA.n());
    report.protocol("a", sideA.describe()).protocol("b", sideB.describe());
    List<String> warnings = warnings(sideA);
    report.protocol("comparable_to_published", warnings.isEmpty());
    warnings.forEach(w -> cmd.commandLine().getErr().println("gan-bench: warning: " + w));
    return report;
  }

  /**
   * Precision, recall, density and coverage with B as the real and A as the fake set, on all their
   * features; where a side has only statistics, or too few samples for k, a note in the protocol
   * says why the keys are absent.
   */
  private void prdc(Report report, FidInput sideA, FidInput sideB, ComputeDevice device) {
    String missing = sideA.features() == null ? sideA.path().toString() : sideB.features() == null
        ? sideB.path().toString() : null;
    if (missing != null) {
      report.protocol("prdc", "not computed: " + missing + " holds FID statistics, not features; precision, recall, "
          + "density and coverage need the features (.npy or an image folder)");
      return;
    }
    try {
      Prdc.requireValid(sideB.features().rows(), sideA.features().rows(), nearestK);
    } catch (IllegalArgumentException e) {
      report.protocol("prdc", "not computed: " + e.getMessage());
      cmd.commandLine().getErr().println("gan-bench: warning: no precision/recall/density/coverage: " + e.getMessage());
      return;
    }
    report.define("prdc", Prdc.DEFINITION);
    try (Prdc prdc = new Prdc(device)) {
      Prdc.Value v = prdc.value(sideB.features(), sideA.features(), nearestK);
      report.value("precision", v.precision()).value("recall", v.recall()).value("density", v.density())
          .value("coverage", v.coverage());
      report.protocol("nearest_k", nearestK).protocol("prdc_real", "B").protocol("prdc_fake", "A");
    }
  }

  /** PROTOCOL.md: warn below 2,048 samples; below 10,000 FID is not comparable to published numbers. */
  private static List<String> warnings(FidInput generated) {
    List<String> w = new ArrayList<>();
    int n = generated.n();
    if (n == 0) {
      w.add(generated.path() + " does not store its sample count; FID needs at least "
          + Evaluation.COMPARABLE_SAMPLES + " samples to be comparable to published numbers");
    } else if (n < Evaluation.MIN_SAMPLES) {
      w.add("only " + n + " samples in " + generated.path() + "; FID below " + Evaluation.MIN_SAMPLES
          + " samples is strongly biased and not comparable to published numbers");
    } else if (n < Evaluation.COMPARABLE_SAMPLES) {
      w.add("FID from " + n + " < " + Evaluation.COMPARABLE_SAMPLES + " samples of " + generated.path()
          + " is not comparable to published numbers");
    }
    return w;
  }
}
