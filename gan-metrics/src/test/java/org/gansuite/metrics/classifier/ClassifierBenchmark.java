package org.gansuite.metrics.classifier;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.extract.ExtractorOptions;

/**
 * Trains (or loads) the Fashion-MNIST classifier on the full 60,000-image training split and prints
 * its test accuracy and training time (not a test). After {@code test-compile}, with the test class
 * path: {@code java -cp ... org.gansuite.metrics.classifier.ClassifierBenchmark [cache_dir] [epochs] [device]}.
 */
public final class ClassifierBenchmark {

  private ClassifierBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path cache = args.length > 0 ? Path.of(args[0]) : FashionMnistClassifier.defaultCacheDir();
    ClassifierConfig d = ClassifierConfig.defaults();
    ClassifierConfig config = args.length > 1
        ? new ClassifierConfig(Integer.parseInt(args[1]), d.batchSize(), d.learningRate(), d.seed()) : d;
    ComputeDevice device = args.length > 2 ? ComputeDevice.parse(args[2]) : ComputeDevice.AUTO;
    long t0 = System.nanoTime();
    var opened = FashionMnistClassifier.open(new ExtractorOptions(cache, Optional.empty(), device, Map.of()), config);
    opened.extractor().close();
    ClassifierRecord r = opened.record();
    System.out.printf("%s: test accuracy %.4f on %s (%d images); trained on %s (%d images), %s, %d parameters, "
        + "training %.1f s (%s this run, %.1f s wall); weights sha256 %s; cached in %s%n", r.extractor(), r.testAccuracy(),
        r.test().name(), r.test().size(), r.train().name(), r.train().size(), r.config().canonical(), r.parameters(),
        r.trainSeconds(), opened.trainedNow() ? "trained" : "loaded", (System.nanoTime() - t0) / 1e9,
        r.weightsSha256(), cache.resolve(r.extractor() + "-" + r.key()));
  }
}
