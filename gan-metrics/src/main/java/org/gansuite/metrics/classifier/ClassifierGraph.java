package org.gansuite.metrics.classifier;

import org.gansuite.core.data.ImageShape;
import org.gansuite.core.graph.Act;
import org.gansuite.core.graph.BatchNorm;
import org.gansuite.core.graph.Conv2d;
import org.gansuite.core.graph.Dense;
import org.gansuite.core.graph.Init;
import org.gansuite.core.graph.Network;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.graph.Pass;
import org.gansuite.core.graph.Updates;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The domain classifier's network on grey images scaled to [-1, 1]: 5x5 stride-2 convolutions to
 * 32 and 64 channels (batch norm, ReLU), a dense layer of {@link #FEATURES} units with ReLU (the
 * penultimate layer) and a dense layer to the class logits (softmax: IS). FID/KID features are the
 * penultimate layer before its ReLU: after it, units that never fire on a set (half of them on
 * Fashion-MNIST) are constant 0 and make every covariance singular. The inference outputs use the
 * batch-norm moving averages.
 */
final class ClassifierGraph {

  /** Width of the penultimate layer. */
  static final int FEATURES = 128;
  /** Names the architecture in cache keys and records; change it with the layers. */
  static final String ARCHITECTURE = "conv5x5s2-32-bn-relu,conv5x5s2-64-bn-relu,dense-128-relu,dense-classes";
  static final String FEATURE_LAYER = "classifier/dense_0 (penultimate, before its ReLU)";

  final Placeholder<TFloat32> images;
  final Placeholder<TInt32> labels;
  /** Inference outputs. */
  final Operand<TFloat32> features;
  final Operand<TFloat32> probabilities;
  /** Training outputs, null in an inference-only graph. */
  final Operand<TFloat32> loss;
  final Op step;

  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final Conv2d conv2;
  private final BatchNorm bn2;
  private final Dense hidden;
  private final Dense logits;
  private final Network net;
  private final ImageShape shape;

  /** {@code optimizer} null builds the inference outputs only. */
  ClassifierGraph(Ops tf, ImageShape shape, int classes, long seed, OptimizerSpec optimizer) {
    if (shape.channels() != 1 || shape.height() % 4 != 0 || shape.width() % 4 != 0) {
      throw new IllegalArgumentException("the classifier needs grey images with sides divisible by 4, got " + shape);
    }
    this.shape = shape;
    net = new Network(tf, "classifier", seed, Init.GLOROT_UNIFORM);
    conv1 = new Conv2d(net, 5, 1, 32, 2, true, false);
    bn1 = new BatchNorm(net, 32, 0.99f, 1e-3f);
    conv2 = new Conv2d(net, 5, 32, 64, 2, true, false);
    bn2 = new BatchNorm(net, 64, 0.99f, 1e-3f);
    hidden = new Dense(net, shape.height() / 4 * (shape.width() / 4) * 64, FEATURES);
    logits = new Dense(net, FEATURES, classes);
    images = tf.withName("images").placeholder(TFloat32.class);
    labels = tf.withName("labels").placeholder(TInt32.class);
    Operand<TFloat32> x = tf.reshape(images, tf.constant(new long[] {-1, shape.height(), shape.width(), 1}));
    features = penultimate(x, Pass.inference());
    probabilities = tf.nn.softmax(logits.apply(Act.relu(tf, features), Pass.inference()));
    if (optimizer == null) {
      loss = null;
      step = null;
    } else {
      Pass pass = Pass.training();
      Operand<TFloat32> trainLogits = logits.apply(Act.relu(tf, penultimate(x, pass)), pass);
      Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
      loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(trainLogits, oneHot).loss(), tf.constant(0));
      step = Updates.minimize(tf, optimizer, "adam", loss, net, pass.updates());
    }
  }

  /** The penultimate layer before its ReLU. */
  private Operand<TFloat32> penultimate(Operand<TFloat32> x, Pass pass) {
    Ops tf = net.tf();
    Operand<TFloat32> h = Act.relu(tf, bn1.apply(conv1.apply(x, pass), pass));
    h = Act.relu(tf, bn2.apply(conv2.apply(h, pass), pass));
    return hidden.apply(Act.flatten(tf, h), pass);
  }

  ImageShape shape() {
    return shape;
  }

  long parameterCount() {
    return net.parameterCount();
  }
}
