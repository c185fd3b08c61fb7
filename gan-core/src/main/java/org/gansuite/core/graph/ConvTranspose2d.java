package org.gansuite.core.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Transposed 2-D convolution (the gradient of a strided convolution), NHWC, SAME padding: an
 * H x W input gives exactly (H * stride) x (W * stride). Input height and width must be static.
 */
public final class ConvTranspose2d {

  private final Network net;
  private final int stride;
  private final int out;
  private final int k;
  private final int in;
  private final Variable<TFloat32> kernel;
  private final Variable<TFloat32> bias;
  private final SpectralNorm sn;

  /** Kernel variable of shape [k, k, out, in], TensorFlow's layout for Conv2DBackpropInput. */
  public ConvTranspose2d(Network net, int k, int in, int out, int stride, boolean useBias, boolean spectralNorm) {
    this.net = net;
    this.stride = stride;
    this.out = out;
    this.k = k;
    this.in = in;
    String layer = net.layerName("deconv");
    this.kernel = net.variable(layer, "kernel", Shape.of(k, k, out, in), net.defaultInit(), true);
    this.bias = useBias ? net.variable(layer, "bias", Shape.of(out), Init.ZEROS, true) : null;
    this.sn = spectralNorm ? new SpectralNorm(net, layer, kernel) : null;
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    var tf = net.tf();
    Shape s = x.shape();
    if (s.numDimensions() != 4 || s.isUnknown() || s.get(1) < 0 || s.get(2) < 0) {
      throw new IllegalArgumentException("transposed conv needs a static NHWC input shape, got " + s);
    }
    Operand<TFloat32> w = sn == null ? kernel : sn.weight(pass);
    // Small inputs: one matmul and a gather on the CPU (SmallConv; 3.5x faster at 2x2 -> 4x4).
    if (SmallConv.lowers(tf, s.get(1) * s.get(2))) {
      Operand<TFloat32> y = SmallConv.conv2dTranspose(tf, x, w, k, in, out, stride, s.get(1) * stride, s.get(2) * stride);
      return bias == null ? y : tf.nn.biasAdd(y, bias);
    }
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outShape = tf.concat(
        List.of(batch, tf.constant(new int[] {(int) s.get(1) * stride, (int) s.get(2) * stride, out})),
        tf.constant(0));
    Operand<TFloat32> y = tf.nn.conv2dBackpropInput(outShape, w, x, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    return bias == null ? y : tf.nn.biasAdd(y, bias);
  }
}
