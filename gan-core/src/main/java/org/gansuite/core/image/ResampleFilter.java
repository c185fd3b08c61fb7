package org.gansuite.core.image;

/**
 * Resampling filters of Pillow's {@code Image.resize}, with Pillow's supports. When shrinking, the
 * support widens by the scale factor, which is what makes the filters anti-aliased.
 */
public enum ResampleFilter {
  /** Pillow's BOX: equal weights for the source pixels whose centres fall in the output pixel. */
  BOX(0.5) {
    @Override
    double weight(double x) {
      return x > -0.5 && x <= 0.5 ? 1.0 : 0.0;
    }
  },
  /** Pillow's BILINEAR: the triangle filter. */
  BILINEAR(1.0) {
    @Override
    double weight(double x) {
      double a = Math.abs(x);
      return a < 1.0 ? 1.0 - a : 0.0;
    }
  },
  /** Pillow's LANCZOS (ANTIALIAS): sinc windowed by sinc, three lobes. */
  LANCZOS(3.0) {
    @Override
    double weight(double x) {
      return -3.0 <= x && x < 3.0 ? sinc(x) * sinc(x / 3.0) : 0.0;
    }
  };

  private final double support;

  ResampleFilter(double support) {
    this.support = support;
  }

  /** Half-width of the filter at scale 1. */
  public double support() {
    return support;
  }

  abstract double weight(double x);

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    double px = x * Math.PI;
    return Math.sin(px) / px;
  }
}
