package org.gansuite.bench.cli;

import org.gansuite.core.data.ImageDataset;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.FeatureExtractorProvider;
import org.gansuite.metrics.extract.Features;

/**
 * A test extractor registered through the SPI (src/test/resources/META-INF/services): features
 * are each image's per-channel means / 255, probabilities {@code [m, 1 - m]} with m the mean of
 * all values / 255. Simple enough that tests compute the same features by hand.
 */
public final class PixelMomentsExtractor implements FeatureExtractor {

  static final String NAME = "test-pixel-moments";
  static final ExtractorInfo INFO = new ExtractorInfo(NAME, "0".repeat(64), "channel-means", 3, 2);

  /** The provider listed in META-INF/services. */
  public static final class Provider implements FeatureExtractorProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "test: per-channel means";
    }

    @Override
    public FeatureExtractor open(ExtractorOptions options) {
      return new PixelMomentsExtractor();
    }
  }

  @Override
  public ExtractorInfo info() {
    return INFO;
  }

  @Override
  public Features extract(ImageDataset images, int batchSize) {
    int n = images.size();
    int c = images.shape().channels();
    int px = images.shape().pixels();
    double[] f = new double[n * 3];
    double[] p = new double[n * 2];
    byte[] one = new byte[px];
    for (int i = 0; i < n; i++) {
      images.read(i, one, 0);
      double[] feats = features(one, c);
      System.arraycopy(feats, 0, f, i * 3, 3);
      double m = (feats[0] + feats[1] + feats[2]) / 3;
      p[2 * i] = m;
      p[2 * i + 1] = 1 - m;
    }
    return new Features(new FeatureMatrix(n, 3, f), new FeatureMatrix(n, 2, p), INFO);
  }

  /** Per-channel means / 255 of one HWC image (grey repeated into three channels). */
  static double[] features(byte[] hwc, int channels) {
    double[] sum = new double[3];
    int pixels = hwc.length / channels;
    for (int i = 0; i < pixels; i++) {
      for (int k = 0; k < 3; k++) {
        sum[k] += hwc[i * channels + (channels == 3 ? k : 0)] & 0xFF;
      }
    }
    for (int k = 0; k < 3; k++) {
      sum[k] /= 255.0 * pixels;
    }
    return sum;
  }

  @Override
  public void close() {}
}
