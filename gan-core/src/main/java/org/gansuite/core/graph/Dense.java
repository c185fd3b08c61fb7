package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Fully connected layer {@code x W + b}, optionally with a spectrally normalised W. */
public final class Dense {

  private final Network net;
  private final Variable<TFloat32> kernel;
  private final Variable<TFloat32> bias;
  private final SpectralNorm sn;

  public Dense(Network net, int in, int out, boolean useBias, boolean spectralNorm) {
    this.net = net;
    String layer = net.layerName("dense");
    this.kernel = net.variable(layer, "kernel", Shape.of(in, out), net.defaultInit(), true);
    this.bias = useBias ? net.variable(layer, "bias", Shape.of(out), Init.ZEROS, true) : null;
    this.sn = spectralNorm ? new SpectralNorm(net, layer, kernel) : null;
  }

  public Dense(Network net, int in, int out) {
    this(net, in, out, true, false);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    var tf = net.tf();
    Operand<TFloat32> w = sn == null ? kernel : sn.weight(pass);
    Operand<TFloat32> y = tf.linalg.matMul(x, w);
    return bias == null ? y : tf.nn.biasAdd(y, bias);
  }

  public Variable<TFloat32> kernel() {
    return kernel;
  }
}
