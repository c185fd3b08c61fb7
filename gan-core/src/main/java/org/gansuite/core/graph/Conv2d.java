package org.gansuite.core.graph;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** 2-D convolution, NHWC, SAME padding, square kernel and stride. */
public final class Conv2d {

  private final Network net;
  private final int stride;
  private final Variable<TFloat32> kernel;
  private final Variable<TFloat32> bias;
  private final SpectralNorm sn;
  private final int k;
  private final int in;
  private final int out;

  /** Kernel variable of shape [k, k, in, out]. */
  public Conv2d(Network net, int k, int in, int out, int stride, boolean useBias, boolean spectralNorm) {
    this.net = net;
    this.stride = stride;
    this.k = k;
    this.in = in;
    this.out = out;
    String layer = net.layerName("conv");
    this.kernel = net.variable(layer, "kernel", Shape.of(k, k, in, out), net.defaultInit(), true);
    this.bias = useBias ? net.variable(layer, "bias", Shape.of(out), Init.ZEROS, true) : null;
    this.sn = spectralNorm ? new SpectralNorm(net, layer, kernel) : null;
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    var tf = net.tf();
    Operand<TFloat32> w = sn == null ? kernel : sn.weight(pass);
    Shape s = x.shape();
    boolean small = s.numDimensions() == 4 && s.get(1) > 0 && s.get(2) > 0
        && SmallConv.lowers(tf, ((s.get(1) + stride - 1) / stride) * ((s.get(2) + stride - 1) / stride));
    Operand<TFloat32> y = small ? SmallConv.conv2d(tf, x, w, k, in, out, stride)
        : tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    return bias == null ? y : tf.nn.biasAdd(y, bias);
  }
}
