package org.gansuite.bench;

import org.gansuite.core.data.ImageDataset;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.gansuite.metrics.extract.ExtractorOptions;
import org.gansuite.metrics.extract.FeatureExtractor;
import org.gansuite.metrics.extract.FeatureExtractorProvider;
import org.gansuite.metrics.extract.Features;

/**
 * Test-only extractor ({@code pooled-pixels}): features are the means of the 4x4 grid cells of each
 * image (16 dims, grey), and a 4-class "softmax" over the quadrant means, so tests can run the
 * whole evaluation path without a trained network.
 */
public final class PooledPixelsExtractor implements FeatureExtractorProvider {

  @Override
  public String name() {
    return "pooled-pixels";
  }

  @Override
  public String description() {
    return "test only: 4x4 cell means";
  }

  @Override
  public FeatureExtractor open(ExtractorOptions options) {
    return new FeatureExtractor() {
      private final ExtractorInfo info = new ExtractorInfo("pooled-pixels", "none", "cells", 16, 4);

      @Override
      public ExtractorInfo info() {
        return info;
      }

      @Override
      public Features extract(ImageDataset images, int batchSize) {
        var s = images.shape();
        int n = images.size();
        double[] f = new double[n * 16];
        double[] p = new double[n * 4];
        byte[] px = new byte[s.pixels()];
        for (int i = 0; i < n; i++) {
          images.read(i, px, 0);
          double[] quad = new double[4];
          for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
              double v = 0;
              for (int c = 0; c < s.channels(); c++) {
                v += (px[(y * s.width() + x) * s.channels() + c] & 0xff) / 255.0 / s.channels();
              }
              f[i * 16 + (y * 4 / s.height()) * 4 + x * 4 / s.width()] += v * 16 / s.height() / s.width();
              quad[(y * 2 / s.height()) * 2 + x * 2 / s.width()] += v;
            }
          }
          double z = 0;
          for (int k = 0; k < 4; k++) {
            quad[k] = Math.exp(quad[k] * 4 / s.height() / s.width());
            z += quad[k];
          }
          for (int k = 0; k < 4; k++) {
            p[i * 4 + k] = quad[k] / z;
          }
        }
        return new Features(new FeatureMatrix(n, 16, f), new FeatureMatrix(n, 4, p), info);
      }

      @Override
      public void close() {}
    };
  }
}
