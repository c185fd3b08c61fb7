package org.gansuite.models.decoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.gansuite.core.io.Sha256;

/**
 * One z-sized feature per training image, row-major ({@code count x dim}): the decoding targets
 * of the decoding-constrained GAN (doi 10.16383/j.aas.c190496).
 */
public record Features(int count, int dim, float[] values) {

  public Features {
    if (count <= 0 || dim <= 0) {
      throw new IllegalArgumentException("features need a positive count and size, got " + count + " x " + dim);
    }
    if (values.length != (long) count * dim) {
      throw new IllegalArgumentException(
          "features: " + values.length + " values for " + count + " x " + dim);
    }
  }

  /** The rows of {@code indices}, concatenated. */
  public float[] rows(int[] indices) {
    float[] out = new float[indices.length * dim];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * dim, out, i * dim, dim);
    }
    return out;
  }

  /** Little-endian IEEE bytes of the values, as stored in the cache. */
  byte[] bytes() {
    var buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return buf.array();
  }

  /** SHA-256 of {@link #bytes()}: the features' identity in the run configuration. */
  public String sha256() {
    return Sha256.of(bytes());
  }

  /**
   * Random features drawn once per image and then fixed (the paper's "normal" and "uniform"
   * variants): N(0, 1) or U[-1, 1], seeded, image i's row drawn from its own stream so it does not
   * depend on the data set size.
   */
  public static Features random(FeatureSource source, int count, int dim, long seed) {
    if (source == FeatureSource.AE) {
      throw new IllegalArgumentException("auto-encoder features come from the auto-encoder, not a seed");
    }
    var root = new SplittableRandom(seed ^ 0x6A09E667F3BCC908L);
    float[] v = new float[count * dim];
    for (int i = 0; i < count; i++) {
      var rng = root.split();
      for (int j = 0; j < dim; j++) {
        v[i * dim + j] = (float) (source == FeatureSource.NORMAL ? gaussian(rng) : rng.nextDouble() * 2 - 1);
      }
    }
    return new Features(count, dim, v);
  }

  /** Box-Muller (SplittableRandom has no Gaussian before Java 17's RandomGenerator default). */
  private static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
