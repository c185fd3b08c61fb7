package org.gansuite.bench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.gansuite.core.UserError;
import org.gansuite.core.data.DataOptions;
import org.gansuite.core.data.Datasets;
import org.gansuite.core.data.FolderOptions;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.FeatureExtractors;
import picocli.CommandLine.Option;

/** Which feature extractor turns image folders into features, and how it is opened. */
final class ExtractorOptionsMixin {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @Option(names = "--extractor", description = "Feature extractor for image folders (registered: ${COMPLETION-CANDIDATES}).",
      completionCandidates = Names.class)
  String name;

  @Option(names = "--weights", description = "The extractor's weights: the graph file for inception-2015-12-05, "
      + "the cache folder for a trained classifier (default: the extractor's own).")
  Path weights;

  @Option(names = "--weights-sha256", description = "Refuse weights whose SHA-256 differs from this.")
  String pinnedSha256;

  @Option(names = "--extractor-batch", defaultValue = "50", description = "Images per extractor batch.")
  int batch;

  /** Registered extractor names, for the help text. */
  static final class Names implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return FeatureExtractors.names().iterator();
    }
  }

  boolean given() {
    return name != null;
  }

  /** An error naming {@code folder} unless an extractor was given. */
  void require(Path folder) {
    if (name == null) {
      throw new UserError(folder + " is an image folder: give --extractor NAME (registered: "
          + String.join(", ", FeatureExtractors.names()) + ")");
    }
  }

  /** Opens the named extractor; {@code folder} is what needs it, named in the error without one. */
  FeatureExtractor open(ComputeDevice device, Path folder) throws IOException {
    require(folder);
    return openOr(name, device);
  }

  /** Opens the given extractor, or {@code protocolDefault} when none was given. */
  FeatureExtractor openOr(String protocolDefault, ComputeDevice device) throws IOException {
    return FeatureExtractors.open(name != null ? name : protocolDefault,
        new ExtractorOptions(weights, Optional.ofNullable(pinnedSha256), device, Map.of()));
  }

  /** Images per extractor batch, validated. */
  int batch() {
    if (batch < 1) {
      throw new UserError("--extractor-batch must be positive, got " + batch);
    }
    return batch;
  }

  /** The images of {@code folder} in file-name order, in memory (no data cache is written). */
  static ImageDataset readFolder(Path folder) {
    return Datasets.folder(folder, FolderOptions.DEFAULT, DataOptions.builder().optCacheDir(null).build());
  }

  /** The extractor's identity and provenance (e.g. a classifier's test accuracy), for a protocol. */
  static Map<String, Object> describe(FeatureExtractor ex) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(ex.info().toJson());
    // Through Jackson, records in the provenance become nested maps that the text form prints too.
    ex.provenance().forEach((k, v) -> m.put(k, JSON.convertValue(v, Object.class)));
    return m;
  }
}
