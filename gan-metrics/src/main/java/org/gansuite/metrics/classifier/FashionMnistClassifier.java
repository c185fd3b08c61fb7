package org.gansuite.metrics.classifier;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.core.data.DataOptions;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.IdxOptions;
import org.gansuite.core.data.LabeledDataset;
import org.gansuite.core.data.LabeledImages;
import org.gansuite.core.train.Randomness;
import java.util.Arrays;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.FeatureExtractorProvider;

/**
 * {@code fashion-mnist-classifier}: the {@link DomainClassifier} trained on Fashion-MNIST's 60,000
 * training images (32x32, padded as PROTOCOL.md prepares them) and tested on the 10,000 test images.
 * Where the training split is not installed (Debian's {@code dataset-fashion-mnist}), it trains on
 * a seeded 8,000 of the embedded test split and is tested on the other 2,000; the record (and so
 * every protocol) names the splits. The extractor's weights option names the cache folder (default
 * {@code ~/.cache/gansuite/classifiers}); the first use trains it (minutes on a CPU).
 */
public final class FashionMnistClassifier implements FeatureExtractorProvider {

  public static final String NAME = "fashion-mnist-classifier";
  private static final long HELD_OUT_SEED = 2017;

  public static Path defaultCacheDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "gansuite", "classifiers");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "CNN trained by the suite on Fashion-MNIST's training split: penultimate layer (128) and softmax (10)";
  }

  @Override
  public FeatureExtractor open(ExtractorOptions options) throws IOException {
    return open(options, ClassifierConfig.defaults()).extractor();
  }

  /** Opens (training on first use) with {@code config}; refuses a pinned hash that differs. */
  public static DomainClassifier.Opened open(ExtractorOptions options, ClassifierConfig config) throws IOException {
    Path cache = options.weights() != null ? options.weights() : defaultCacheDir();
    LabeledDataset train;
    LabeledDataset test = Datasets.fashionMnistTest(IdxOptions.DEFAULT);
    if (Datasets.fashionMnist(DataOptions.defaults()).id().name().equals(test.id().name())) {
      int[] order = Randomness.permutation(test.size(), HELD_OUT_SEED, 0);
      train = LabeledImages.subset(test, Arrays.copyOfRange(order, 0, 8000), "fashion-mnist-test-8000-train");
      test = LabeledImages.subset(test, Arrays.copyOfRange(order, 8000, test.size()), "fashion-mnist-test-2000-held-out");
    } else {
      train = Datasets.fashionMnistTrain(DataOptions.defaults());
    }
    var opened = DomainClassifier.open(NAME, cache, train, test, config, options.device());
    try {
      options.checkPinned(NAME + " weights", opened.record().weightsSha256());
    } catch (SecurityException e) {
      opened.extractor().close();
      throw e;
    }
    return opened;
  }
}
