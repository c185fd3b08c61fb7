package org.gansuite.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.io.Sha256;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.Features;
import org.gansuite.metrics.io.Npy;
import org.gansuite.metrics.io.Npz;

/**
 * One side of {@code fid}: a {@code .npz} of FID statistics ({@code mu}, {@code sigma}), a
 * {@code .npy} of N x d features, or a folder of images that an extractor turns into features.
 * Features (not statistics alone) make KID possible; an extractor's probabilities make IS possible.
 *
 * @param path the argument
 * @param kind what it was read as
 * @param stats mean and covariance
 * @param features the features, null for statistics files
 * @param probabilities class probabilities, null unless an extractor with classes read a folder
 * @param sha256 SHA-256 of the file, or the content hash of the folder's decoded pixels
 */
record FidInput(Path path, Kind kind, FeatureStats stats, FeatureMatrix features, FeatureMatrix probabilities,
    String sha256) {

  enum Kind {
    STATISTICS("FID statistics (.npz)"), FEATURES("features (.npy)"), IMAGES("image folder");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** What {@code path} is, from its name and type; an error naming it when it is none of the three. */
  static Kind kindOf(Path path) {
    if (Files.isDirectory(path)) {
      return Kind.IMAGES;
    }
    if (!Files.exists(path)) {
      throw new UserError(path + ": no such file or folder");
    }
    String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".npz")) {
      return Kind.STATISTICS;
    }
    if (n.endsWith(".npy")) {
      return Kind.FEATURES;
    }
    throw new UserError(path + ": expected FID statistics (.npz), features (.npy) or an image folder");
  }

  /** Reads a statistics or feature file; image folders go through {@link #ofImages}. */
  static FidInput ofFile(Path path, ComputeDevice device) throws IOException {
    Kind kind = kindOf(path);
    String sha = Sha256.of(path);
    if (kind == Kind.STATISTICS) {
      FeatureStats s = Npz.readStats(path);
      requireFinite(path, "mu", s.mu());
      requireFinite(path, "sigma", s.sigma());
      return new FidInput(path, kind, s, null, null, sha);
    }
    if (kind == Kind.FEATURES) {
      FeatureMatrix f = Npy.readFeatures(path);
      return new FidInput(path, kind, statsOf(path, f, device), f, null, sha);
    }
    throw new UserError(path + " is an image folder: give --extractor NAME");
  }

  /** Features (and probabilities, where the extractor classifies) of the images of {@code folder}. */
  static FidInput ofImages(Path folder, ImageDataset images, FeatureExtractor extractor, int batch,
      ComputeDevice device) {
    Features f = extractor.extract(images, batch);
    return new FidInput(folder, Kind.IMAGES, statsOf(folder, f.features(), device), f.features(),
        f.probabilities(), images.id().contentHash());
  }

  private static FeatureStats statsOf(Path path, FeatureMatrix f, ComputeDevice device) {
    requireFinite(path, "features", f.values());
    if (f.rows() < 2) {
      throw new UserError(path + ": FID statistics need at least 2 samples, got " + f.rows());
    }
    return FeatureStats.of(f, device);
  }

  private static void requireFinite(Path path, String what, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new UserError(path + ": " + what + " holds " + values[i] + " at flat index " + i);
      }
    }
  }

  int n() {
    return stats.n();
  }

  /** Path, kind, sample count (null when a foreign .npz does not store it), dimension and hash. */
  Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path.toAbsolutePath().normalize().toString());
    m.put("kind", kind.toString());
    m.put("n", stats.n() == 0 ? null : stats.n());
    m.put("dim", stats.dim());
    m.put(kind == Kind.IMAGES ? "pixels_sha256" : "file_sha256", sha256);
    return m;
  }
}
