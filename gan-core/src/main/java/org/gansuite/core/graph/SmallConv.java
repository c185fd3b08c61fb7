package org.gansuite.core.graph;

import java.util.Arrays;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Convolutions on small feature maps (NHWC, SAME padding, square kernel and stride) lowered to one
 * large matrix multiply, on the CPU. They compute the same sums as {@code Conv2D} and
 * {@code Conv2DBackpropInput} (the padding taps included), in another order.
 *
 * <p>Why: oneDNN's direct kernels (TensorFlow 2.18, oneDNN 3.5, AVX2) are slow when the output has
 * only a few positions: for a 5x5 stride-2 conv of 64x4x4x256 to 64x2x2x512 they ran the forward
 * pass at 48 GFLOP/s, the backprop to the input (brgconv_strided) at 12-27 GFLOP/s and the one to the
 * filter (gemm-based, one rank-4 update of the 13 MB filter gradient per image) at 3-5 GFLOP/s, on a
 * 2-core EPYC whose 4096^2 matmul runs at 140-165 GFLOP/s. In DCGAN at 32x32 that conv (the last of
 * the discriminator, and the first transposed conv of the generator) took about 60% of the op time of
 * a training iteration. Lowered, the patches of all the images form one {@code [N*Ho*Wo, k*k*Cin]}
 * matrix (a gather of the input: no im2col copy per image), and the forward pass and both
 * gradients are plain matmuls of that matrix, which oneDNN runs near the matmul peak.
 *
 * <p>{@link #lowers} says when a layer uses it: on a CPU, for outputs of at most {@value #MAX_POSITIONS}
 * positions (a transposed conv: inputs of at most that many), where the gather of the patches is
 * cheap against the matmul (see the measurements there).
 */
public final class SmallConv {

  /**
   * The most output positions (Ho*Wo) of a lowered conv. Measured on the 2-core EPYC (batch 64,
   * 5x5 stride 2, forward + both gradients, min of 10, under a niced background load): 4x4 -> 2x2
   * (256 -> 512) 278 -> 72-85 ms, its transposed conv 234 -> 73 ms; 8x8 -> 4x4 (128 -> 256) 77 -> 67 ms,
   * its transposed conv 66 -> 84 ms; 16x16 -> 8x8 (64 -> 128) 65 -> 73 ms. In whole DCGAN training
   * iterations: at 32x32 a limit of 4 or 16 gave the same (1.55-1.65x faster than none), 64 no better;
   * at 64x64 (whose smallest maps are 4x4) 16 ran 1.3x faster than none (5190 -> 3940-4030 ms).
   */
  public static final int MAX_POSITIONS = 16;

  /** System property that turns the lowering off ({@code -Dgansuite.smallConv=false}), to compare. */
  public static final String PROPERTY = "gansuite.smallConv";

  private SmallConv() {}

  /**
   * Whether a conv with {@code positions} output positions (a transposed conv: input positions),
   * built with {@code tf}, is lowered: on every device but a GPU, unless {@value #PROPERTY} is false.
   */
  public static boolean lowers(Ops tf, long positions) {
    if (positions <= 0 || positions > MAX_POSITIONS || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
      return false;
    }
    String device = tf.scope().getDeviceString();
    return device == null || !device.toUpperCase(Locale.ROOT).contains("GPU");
  }

  /**
   * {@code Conv2D(x, w, stride, SAME)} of {@code x} [N, H, W, Cin] (H, W static) and {@code w}
   * [k, k, Cin, Cout].
   */
  public static Operand<TFloat32> conv2d(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, int k, long cin, long cout,
      int stride) {
    long h = x.shape().get(1);
    long wd = x.shape().get(2);
    Taps t = new Taps((int) h, (int) wd, k, stride);
    // [N, H*W + 1, Cin]: the extra position is the zero that padding taps read.
    var flat = tf.pad(tf.reshape(x, tf.constant(new long[] {-1, h * wd, cin})),
        tf.constant(new int[][] {{0, 0}, {0, 1}, {0, 0}}), tf.constant(0f));
    var patches = tf.gather(flat, tf.constant(t.source), tf.constant(1)); // [N, Ho*Wo*k*k, Cin]
    var rows = tf.reshape(patches, tf.constant(new long[] {-1, (long) k * k * cin}));
    var y = tf.linalg.matMul(rows, tf.reshape(w, tf.constant(new long[] {(long) k * k * cin, cout})));
    return tf.reshape(y, tf.constant(new long[] {-1, t.ho, t.wo, cout}));
  }

  /**
   * {@code Conv2DBackpropInput([N, H, W, Cout], w, x, stride, SAME)}, the transposed conv of {@code x}
   * [N, Hi, Wi, Cin] (static) with {@code w} [k, k, Cout, Cin] to [N, H, W, Cout], H = Hi*stride.
   */
  public static Operand<TFloat32> conv2dTranspose(Ops tf, Operand<TFloat32> x, Operand<TFloat32> w, int k, long cin,
      long cout, int stride, long h, long wd) {
    Taps t = new Taps((int) h, (int) wd, k, stride);
    if (t.ho != x.shape().get(1) || t.wo != x.shape().get(2)) {
      throw new IllegalArgumentException("transposed conv of " + x.shape() + " to " + h + "x" + wd + " with stride "
          + stride + " does not invert a SAME conv");
    }
    // [N*Hi*Wi, k*k*Cout]: what each input position adds to its k*k taps.
    var cols = tf.linalg.matMul(tf.reshape(x, tf.constant(new long[] {-1, cin})),
        tf.reshape(w, tf.constant(new long[] {(long) k * k * cout, cin})), MatMul.transposeB(true));
    // [N, Hi*Wi*k*k + 1, Cout], the last row zero; each output position sums its (at most m) taps.
    var flat = tf.pad(tf.reshape(cols, tf.constant(new long[] {-1, (long) t.ho * t.wo * k * k, cout})),
        tf.constant(new int[][] {{0, 0}, {0, 1}, {0, 0}}), tf.constant(0f));
    int[] into = t.contributors();
    int m = into.length / (int) (h * wd);
    var gathered = tf.gather(flat, tf.constant(into), tf.constant(1)); // [N, H*W*m, Cout]
    var y = tf.reduceSum(tf.reshape(gathered, tf.constant(new long[] {-1, h * wd, m, cout})), tf.constant(2));
    return tf.reshape(y, tf.constant(new long[] {-1, h, wd, cout}));
  }

  /** The taps of a SAME conv of an H x W map: which input position each (output position, tap) reads. */
  static final class Taps {
    final int h, w, k, stride, ho, wo;
    /** [Ho*Wo*k*k]: the input position (iy*W + ix) each tap reads, H*W for padding. */
    final int[] source;

    Taps(int h, int w, int k, int stride) {
      this.h = h;
      this.w = w;
      this.k = k;
      this.stride = stride;
      this.ho = (h + stride - 1) / stride;
      this.wo = (w + stride - 1) / stride;
      // TensorFlow's SAME: the smaller half of the padding on top/left.
      int top = Math.max((ho - 1) * stride + k - h, 0) / 2;
      int left = Math.max((wo - 1) * stride + k - w, 0) / 2;
      source = new int[ho * wo * k * k];
      int i = 0;
      for (int oy = 0; oy < ho; oy++) {
        for (int ox = 0; ox < wo; ox++) {
          for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
              int iy = oy * stride - top + ky;
              int ix = ox * stride - left + kx;
              source[i++] = iy >= 0 && iy < h && ix >= 0 && ix < w ? iy * w + ix : h * w;
            }
          }
        }
      }
    }

    /**
     * [H*W*m]: for each input position, the (output position, tap) rows that read it, padded with
     * the index of the zero row (Ho*Wo*k*k) to m, the most any position has.
     */
    int[] contributors() {
      int[] count = new int[h * w];
      for (int s : source) {
        if (s < h * w) {
          count[s]++;
        }
      }
      int m = 1;
      for (int c : count) {
        m = Math.max(m, c);
      }
      int[] out = new int[h * w * m];
      Arrays.fill(out, source.length);
      int[] fill = new int[h * w];
      for (int r = 0; r < source.length; r++) {
        int s = source[r];
        if (s < h * w) {
          out[s * m + fill[s]++] = r;
        }
      }
      return out;
    }
  }
}
