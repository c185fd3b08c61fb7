package org.gansuite.bench.cli;

import java.nio.file.Path;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.core.data.DataCache;
import org.gansuite.core.data.DataOptions;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.ImageDataset;
import picocli.CommandLine.Option;

/** The data set options shared by the commands that read a training set. */
final class DataOption {

  /** The embedded default data set. */
  static final String DEFAULT = "fashion-mnist";

  @Option(names = "--data", defaultValue = DEFAULT,
      description = "Data set: fashion-mnist (default: the full training split from Debian's dataset-fashion-mnist "
          + "if installed, else the embedded 10,000-image test split), cifar10:DIR, celeba:DIR, folder:DIR, "
          + "idx:IMAGES[,LABELS], or a path recognised by its content.")
  String data;

  @Option(names = "--cache-dir", description = "Where prepared data caches live (default: ~/.cache/gansuite/data).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Decode into memory; write no data cache.")
  boolean noCache;

  /** The extractor a data set is scored with when none is named: the suite's classifier for Fashion-MNIST, else Inception. */
  static String defaultExtractor(ImageDataset data) {
    return data.id().name().startsWith(DEFAULT) ? Protocol.CLASSIFIER : Protocol.INCEPTION;
  }

  ImageDataset open() {
    var b = DataOptions.builder().optCacheDir(noCache ? null : cacheDir != null ? cacheDir : DataCache.defaultDir());
    return Datasets.open(data, b.build());
  }
}
