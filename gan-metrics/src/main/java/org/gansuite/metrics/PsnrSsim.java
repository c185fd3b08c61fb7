package org.gansuite.metrics;

import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TUint8;

/**
 * Per-image PSNR and SSIM of 8-bit image pairs, in float64 TensorFlow ops.
 *
 * <p>PSNR: {@code 10 log10(255^2 / MSE)} over all pixels and channels; +infinity for identical
 * images. SSIM (Wang et al. 2004, "Image Quality Assessment: From Error Visibility to Structural
 * Similarity") as {@code tf.image.ssim} computes it: an 11 x 11 Gaussian window with sigma 1.5
 * (TF's softmax-normalised kernel), K1 = 0.01, K2 = 0.03, data range 255, population (biased)
 * local statistics, averaged over the valid region only (no padding), then over channels. Images
 * must be at least 11 x 11.
 */
public final class PsnrSsim implements AutoCloseable {

  /** The PSNR definition computed here, for protocols. */
  public static final String PSNR_DEFINITION = "10 log10(255^2 / MSE) per image pair over all pixels and "
      + "channels of 8-bit values; mean, population std, min, max over pairs with finite PSNR (identical pairs counted apart)";
  /** The SSIM definition computed here, for protocols. */
  public static final String SSIM_DEFINITION = "SSIM (Wang et al. 2004) as tf.image.ssim: Gaussian window 11x11, "
      + "sigma 1.5, K1 0.01, K2 0.03, data range 255, population statistics, valid region, mean over channels; "
      + "mean, population std, min, max over pairs";

  public static final int WINDOW = 11;
  public static final double SIGMA = 1.5;
  public static final double K1 = 0.01;
  public static final double K2 = 0.03;
  public static final double RANGE = 255.0;

  /** Per-image values of one batch. */
  public record Values(double[] psnr, double[] ssim) {}

  private final Graph graph;
  private final Session session;
  private final Placeholder<TUint8> a;
  private final Placeholder<TUint8> b;
  private final Placeholder<TFloat64> window;
  private final Operand<TFloat64> psnr;
  private final Operand<TFloat64> ssim;

  public PsnrSsim(ComputeDevice device) {
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    a = tf.placeholder(TUint8.class);
    b = tf.placeholder(TUint8.class);
    window = tf.placeholder(TFloat64.class);
    Operand<TFloat64> x = tf.dtypes.cast(a, TFloat64.class);
    Operand<TFloat64> y = tf.dtypes.cast(b, TFloat64.class);
    psnr = psnr(tf, x, y);
    ssim = ssim(tf, x, y, window);
    session = device.session(graph);
  }

  static Operand<TFloat64> psnr(Ops tf, Operand<TFloat64> x, Operand<TFloat64> y) {
    Operand<TFloat64> mse = tf.math.mean(tf.math.square(tf.math.sub(x, y)), tf.constant(new int[] {1, 2, 3}));
    Operand<TFloat64> ratio = tf.math.sub(tf.constant(Math.log(RANGE * RANGE)), tf.math.log(mse));
    return tf.math.mul(tf.constant(10.0 / Math.log(10.0)), ratio);
  }

  /** tf.image.ssim's _ssim_helper with a depthwise VALID convolution as the local mean. */
  static Operand<TFloat64> ssim(Ops tf, Operand<TFloat64> x, Operand<TFloat64> y, Operand<TFloat64> w) {
    double c1 = (K1 * RANGE) * (K1 * RANGE);
    double c2 = (K2 * RANGE) * (K2 * RANGE);
    Operand<TFloat64> muX = local(tf, x, w);
    Operand<TFloat64> muY = local(tf, y, w);
    Operand<TFloat64> num0 = tf.math.mul(tf.math.mul(muX, muY), tf.constant(2.0));
    Operand<TFloat64> den0 = tf.math.add(tf.math.square(muX), tf.math.square(muY));
    Operand<TFloat64> luminance = tf.math.div(
        tf.math.add(num0, tf.constant(c1)), tf.math.add(den0, tf.constant(c1)));
    Operand<TFloat64> num1 = tf.math.mul(local(tf, tf.math.mul(x, y), w), tf.constant(2.0));
    Operand<TFloat64> den1 = local(tf, tf.math.add(tf.math.square(x), tf.math.square(y)), w);
    Operand<TFloat64> cs = tf.math.div(
        tf.math.add(tf.math.sub(num1, num0), tf.constant(c2)),
        tf.math.add(tf.math.sub(den1, den0), tf.constant(c2)));
    Operand<TFloat64> perChannel = tf.math.mean(tf.math.mul(luminance, cs), tf.constant(new int[] {1, 2}));
    return tf.math.mean(perChannel, tf.constant(1));
  }

  /**
   * Gaussian-weighted local mean over the valid region. TF's 11 x 11 window is the outer product
   * of one normalised 1-D Gaussian with itself, so two 11-tap passes (rows, then columns) give the
   * same values as one 121-tap pass at a ninth of the work.
   */
  private static Operand<TFloat64> local(Ops tf, Operand<TFloat64> v, Operand<TFloat64> w) {
    Operand<TFloat64> rows = tf.reshape(w, tf.constant(new int[] {1, WINDOW, -1, 1}));
    Operand<TFloat64> cols = tf.reshape(w, tf.constant(new int[] {WINDOW, 1, -1, 1}));
    List<Long> strides = List.of(1L, 1L, 1L, 1L);
    return tf.nn.depthwiseConv2dNative(tf.nn.depthwiseConv2dNative(v, rows, strides, "VALID"), cols, strides, "VALID");
  }

  /**
   * tf.image.ssim's window: softmax over {@code -((i-5)^2 + (j-5)^2) / (2 sigma^2)}, a normalised
   * 2-D Gaussian, equals {@code g g^T} for the normalised 1-D Gaussian {@code g} returned here,
   * repeated for each channel ({@code 11 x C}).
   */
  static double[] window(int channels) {
    double[] g = new double[WINDOW];
    double sum = 0;
    for (int i = 0; i < WINDOW; i++) {
      double c = i - (WINDOW - 1) / 2.0;
      g[i] = Math.exp(-0.5 * c * c / (SIGMA * SIGMA));
      sum += g[i];
    }
    double[] out = new double[WINDOW * channels];
    for (int i = 0; i < WINDOW; i++) {
      for (int c = 0; c < channels; c++) {
        out[i * channels + c] = g[i] / sum;
      }
    }
    return out;
  }

  /** PSNR and SSIM of {@code count} image pairs of one shape, each packed HWC. */
  public Values values(ImageShape shape, byte[] first, byte[] second, int count) {
    if (shape.height() < WINDOW || shape.width() < WINDOW) {
      throw new IllegalArgumentException(
          "SSIM needs images of at least " + WINDOW + " x " + WINDOW + " pixels, got " + shape);
    }
    long bytes = (long) count * shape.pixels();
    if (first.length != bytes || second.length != bytes) {
      throw new IllegalArgumentException(count + " images of " + shape + " need " + bytes
          + " bytes each, got " + first.length + " and " + second.length);
    }
    long[] dims = {count, shape.height(), shape.width(), shape.channels()};
    try (TUint8 ta = Tensors.uint8(first, dims);
        TUint8 tb = Tensors.uint8(second, dims);
        TFloat64 tw = Tensors.float64(window(shape.channels()), WINDOW, shape.channels());
        Result r = session.runner().feed(a, ta).feed(b, tb).feed(window, tw).fetch(psnr).fetch(ssim).run()) {
      return new Values(Tensors.doubles(r.get(0)), Tensors.doubles(r.get(1)));
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
