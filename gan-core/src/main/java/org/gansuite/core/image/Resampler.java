package org.gansuite.core.image;

/**
 * Anti-aliased resizing of 8-bit HWC images, a port of Pillow's {@code ImagingResample}
 * (libImaging/Resample.c), so that {@code Image.resize(size, Image.LANCZOS)} and this class agree:
 * separable, a horizontal pass then a vertical one, weights normalised per output pixel and
 * rounded to fixed point with 22 fractional bits, the intermediate image rounded to 8 bits. The
 * output pixel {@code i} is centred on source coordinate {@code (i + 0.5) * in / out}.
 */
public final class Resampler {

  private static final int PRECISION_BITS = 32 - 8 - 2;

  private Resampler() {}

  /** Resizes {@code h x w x channels} pixels at {@code offset} to {@code outH x outW}. */
  public static byte[] resize(byte[] src, int offset, int h, int w, int channels, int outH, int outW,
      ResampleFilter filter) {
    if (h < 1 || w < 1 || outH < 1 || outW < 1) {
      throw new IllegalArgumentException("sizes must be positive: " + h + "x" + w + " -> " + outH + "x" + outW);
    }
    if ((long) src.length - offset < (long) h * w * channels) {
      throw new IllegalArgumentException("source holds fewer than " + h + "x" + w + "x" + channels + " bytes");
    }
    byte[] cur = new byte[h * w * channels];
    System.arraycopy(src, offset, cur, 0, cur.length);
    if (outW != w) {
      cur = horizontal(cur, h, w, channels, Coefficients.of(w, outW, filter));
    }
    if (outH != h) {
      cur = vertical(cur, h, outW, channels, Coefficients.of(h, outH, filter));
    }
    return cur;
  }

  private static byte[] horizontal(byte[] in, int h, int w, int c, Coefficients k) {
    int outW = k.outSize;
    byte[] out = new byte[h * outW * c];
    for (int y = 0; y < h; y++) {
      for (int xx = 0; xx < outW; xx++) {
        int min = k.min[xx];
        for (int ch = 0; ch < c; ch++) {
          int ss = 1 << (PRECISION_BITS - 1);
          for (int i = 0; i < k.count[xx]; i++) {
            ss += (in[(y * w + min + i) * c + ch] & 0xFF) * k.weights[xx * k.ksize + i];
          }
          out[(y * outW + xx) * c + ch] = clip8(ss);
        }
      }
    }
    return out;
  }

  private static byte[] vertical(byte[] in, int h, int w, int c, Coefficients k) {
    int outH = k.outSize;
    byte[] out = new byte[outH * w * c];
    int row = w * c;
    for (int yy = 0; yy < outH; yy++) {
      int min = k.min[yy];
      for (int x = 0; x < row; x++) {
        int ss = 1 << (PRECISION_BITS - 1);
        for (int i = 0; i < k.count[yy]; i++) {
          ss += (in[(min + i) * row + x] & 0xFF) * k.weights[yy * k.ksize + i];
        }
        out[yy * row + x] = clip8(ss);
      }
    }
    return out;
  }

  private static byte clip8(int v) {
    if (v >= (1 << PRECISION_BITS << 8)) {
      return (byte) 255;
    }
    if (v <= 0) {
      return 0;
    }
    return (byte) (v >> PRECISION_BITS);
  }

  /** Per output pixel: first source index, number of taps, fixed-point weights. */
  static final class Coefficients {
    final int outSize;
    final int ksize;
    final int[] min;
    final int[] count;
    final int[] weights;
    final double[] exact;

    private Coefficients(int outSize, int ksize) {
      this.outSize = outSize;
      this.ksize = ksize;
      this.min = new int[outSize];
      this.count = new int[outSize];
      this.weights = new int[outSize * ksize];
      this.exact = new double[outSize * ksize];
    }

    static Coefficients of(int inSize, int outSize, ResampleFilter filter) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(1.0, scale);
      double support = filter.support() * filterScale;
      Coefficients k = new Coefficients(outSize, (int) Math.ceil(support) * 2 + 1);
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + 0.5) * scale;
        double ss = 1.0 / filterScale;
        // (int) truncates towards zero as C's cast does; Pillow rounds the bounds this way.
        int xmin = Math.max(0, (int) (center - support + 0.5));
        int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
        double total = 0.0;
        for (int x = 0; x < xmax; x++) {
          double w = filter.weight((x + xmin - center + 0.5) * ss);
          k.exact[xx * k.ksize + x] = w;
          total += w;
        }
        for (int x = 0; x < xmax; x++) {
          int at = xx * k.ksize + x;
          if (total != 0.0) {
            k.exact[at] /= total;
          }
          double v = k.exact[at] * (1 << PRECISION_BITS);
          k.weights[at] = (int) (v < 0 ? v - 0.5 : v + 0.5);
        }
        k.min[xx] = xmin;
        k.count[xx] = xmax;
      }
      return k;
    }
  }
}
