package org.gansuite.metrics;

import java.io.IOException;
import java.nio.file.Path;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.graph.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * The paper's clarity (清晰度): the variance of the Laplacian, exactly as OpenCV's
 * {@code cv2.Laplacian(gray, cv2.CV_64F).var()} computes it. RGB becomes 8-bit grey with OpenCV's
 * fixed-point conversion ({@link GreyConversion}, OpenCV 4's by default); the kernel is
 * {@code [[0,1,0],[1,-4,1],[0,1,0]]} with the reflect-101 border ({@code gfedcb|abcdefgh|gfedcba},
 * TensorFlow's MirrorPad REFLECT); the value is the population variance of the response.
 *
 * <p>The Laplacian of 8-bit values is an integer of magnitude at most 2040, so the float32
 * convolution is exact; the variance is taken in float64. Images are HWC, 0..255, 1 or 3 channels
 * (RGB order), at least 2 x 2.
 */
public final class Clarity implements AutoCloseable {

  /** The definition computed here, for protocols. */
  public static final String DEFINITION = "variance of the Laplacian as cv2.Laplacian(grey, CV_64F).var(): "
      + "8-bit grey (OpenCV fixed-point conversion for RGB), kernel [[0,1,0],[1,-4,1],[0,1,0]], border reflect-101, "
      + "population variance per image; mean and population std over images";

  private final GreyConversion conversion;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TUint8> rgb;
  private final Placeholder<TUint8> grey;
  private final Operand<TFloat64> rgbVariance;
  private final Operand<TFloat64> greyVariance;

  /** Clarity with OpenCV 4's grey conversion. */
  public Clarity(ComputeDevice device) {
    this(device, GreyConversion.OPENCV_4);
  }

  public Clarity(ComputeDevice device, GreyConversion conversion) {
    this.conversion = conversion;
    graph = new Graph();
    Ops tf = device.place(Ops.create(graph));
    rgb = tf.placeholder(TUint8.class);
    grey = tf.placeholder(TUint8.class);
    rgbVariance = laplacianVariance(tf, openCvGrey(tf, rgb, conversion));
    greyVariance = laplacianVariance(tf, tf.dtypes.cast(grey, TInt32.class));
    session = device.session(graph);
  }

  /** OpenCV's 8-bit RGB to grey: fixed-point weights, rounded by adding half, then shifted. */
  static Operand<TInt32> openCvGrey(Ops tf, Operand<TUint8> rgb, GreyConversion c) {
    Operand<TInt32> weights = tf.constant(new int[][][][] {{{c.weights()}}});
    Operand<TInt32> sum = tf.reduceSum(
        tf.math.mul(tf.dtypes.cast(rgb, TInt32.class), weights), tf.constant(3), ReduceSum.keepDims(true));
    return tf.bitwise.rightShift(
        tf.math.add(sum, tf.constant(1 << (c.shift() - 1))), tf.constant(c.shift()));
  }

  public GreyConversion conversion() {
    return conversion;
  }

  /** Per-image population variance of the reflect-101 Laplacian of N x H x W x 1 grey values. */
  static Operand<TFloat64> laplacianVariance(Ops tf, Operand<TInt32> grey) {
    Operand<TFloat32> g = tf.dtypes.cast(grey, TFloat32.class);
    Operand<TFloat32> padded = tf.mirrorPad(g, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}), "REFLECT");
    Operand<TFloat32> kernel = tf.constant(new float[][][][] {
        {{{0f}}, {{1f}}, {{0f}}}, {{{1f}}, {{-4f}}, {{1f}}}, {{{0f}}, {{1f}}, {{0f}}}});
    Operand<TFloat64> response = tf.dtypes.cast(
        tf.nn.conv2d(padded, kernel, java.util.List.of(1L, 1L, 1L, 1L), "VALID"), TFloat64.class);
    Operand<TInt32> axes = tf.constant(new int[] {1, 2, 3});
    Operand<TFloat64> mean = tf.math.mean(response, axes, Mean.keepDims(true));
    return tf.math.mean(tf.math.square(tf.math.sub(response, mean)), axes);
  }

  /** Clarity of {@code count} images of one shape, packed HWC one after another. */
  public double[] values(ImageShape shape, byte[] pixels, int count) {
    if (shape.height() < 2 || shape.width() < 2) {
      throw new IllegalArgumentException("clarity needs images of at least 2 x 2 pixels, got " + shape);
    }
    if ((long) count * shape.pixels() != pixels.length) {
      throw new IllegalArgumentException(count + " images of " + shape + " need "
          + (long) count * shape.pixels() + " bytes, got " + pixels.length);
    }
    Placeholder<TUint8> in = shape.channels() == 3 ? rgb : grey;
    Operand<TFloat64> out = shape.channels() == 3 ? rgbVariance : greyVariance;
    try (TUint8 t = Tensors.uint8(pixels, count, shape.height(), shape.width(), shape.channels());
        Result r = session.runner().feed(in, t).fetch(out).run()) {
      return Tensors.doubles(r.get(0));
    }
  }

  /** Clarity of every image of {@code data}, fed {@code batchSize} at a time. */
  public double[] values(ImageDataset data, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    int n = data.size();
    int per = data.shape().pixels();
    double[] out = new double[n];
    for (int start = 0; start < n; start += batchSize) {
      int count = Math.min(batchSize, n - start);
      byte[] batch = new byte[count * per];
      for (int i = 0; i < count; i++) {
        data.read(start + i, batch, i * per);
      }
      System.arraycopy(values(data.shape(), batch, count), 0, out, start, count);
    }
    return out;
  }

  /** Mean, std, min and max clarity of a data set on the default device. */
  public static Summary of(ImageDataset data) {
    try (Clarity c = new Clarity(ComputeDevice.AUTO)) {
      return Summary.of(c.values(data, 256));
    }
  }

  /** Per-image clarity of the PNG/JPEG images of {@code folder}, with their summary. */
  public static ImageFolderScores.ClarityScores ofFolder(Path folder) throws IOException {
    return ImageFolderScores.clarity(folder, ComputeDevice.AUTO);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
