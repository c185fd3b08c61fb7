package org.gansuite.core.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * SAGAN's self-attention block (Zhang et al. 2019): 1x1 convolutions f, g (C/8 channels) and h
 * (C channels); attention = softmax over positions of g f^T; output gamma * (attention h) + x,
 * with the learnable gamma initialised to 0 so the block starts as the identity.
 */
public final class SelfAttention {

  private final Network net;
  private final int channels;
  private final Conv2d f;
  private final Conv2d g;
  private final Conv2d h;
  private final Variable<TFloat32> gamma;

  public SelfAttention(Network net, int channels, boolean spectralNorm) {
    if (channels < 8) {
      throw new IllegalArgumentException("self-attention needs at least 8 channels, got " + channels);
    }
    this.net = net;
    this.channels = channels;
    this.f = new Conv2d(net, 1, channels, channels / 8, 1, true, spectralNorm);
    this.g = new Conv2d(net, 1, channels, channels / 8, 1, true, spectralNorm);
    this.h = new Conv2d(net, 1, channels, channels, 1, true, spectralNorm);
    this.gamma = net.variable(net.layerName("attention"), "gamma", Shape.scalar(), Init.ZEROS, true);
  }

  public Operand<TFloat32> apply(Operand<TFloat32> x, Pass pass) {
    var tf = net.tf();
    Shape s = x.shape();
    long n = s.get(1) * s.get(2);
    var flatKey = tf.constant(new long[] {-1, n, channels / 8});
    var fx = tf.reshape(f.apply(x, pass), flatKey);
    var gx = tf.reshape(g.apply(x, pass), flatKey);
    var hx = tf.reshape(h.apply(x, pass), tf.constant(new long[] {-1, n, channels}));
    var scores = tf.train.batchMatMul(gx, fx, TFloat32.class, BatchMatMul.adjY(true));
    var attention = tf.nn.softmax(scores);
    var o = tf.train.batchMatMul(attention, hx, TFloat32.class);
    var o4 = tf.reshape(o, tf.constant(new long[] {-1, s.get(1), s.get(2), channels}));
    return tf.math.add(tf.math.mul(gamma, o4), x);
  }
}
