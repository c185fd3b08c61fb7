package org.gansuite.metrics.classifier;

import java.util.SplittableRandom;
import org.gansuite.core.data.LabeledDataset;
import org.gansuite.core.graph.Tensors;
import org.gansuite.core.train.Randomness;
import org.gansuite.metrics.FeatureMatrix;
import org.gansuite.metrics.extract.ExtractorInfo;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TInt32;

/** Trains a {@link ClassifierGraph} in a session and measures its accuracy. */
final class ClassifierTrainer {

  private static final System.Logger LOG = System.getLogger(ClassifierTrainer.class.getName());

  private ClassifierTrainer() {}

  /** {@code config.epochs()} epochs of shuffled mini-batches; logs one line per epoch. */
  static void train(Session session, ClassifierGraph net, LabeledDataset data, ClassifierConfig config, String what) {
    int n = data.size();
    int batch = config.batchSize();
    if (n < batch) {
      throw new IllegalArgumentException(data.id().name() + ": " + n + " images, fewer than one batch of " + batch);
    }
    int[] labels = data.labels();
    ClassifierInput input = new ClassifierInput(data, net.shape());
    int[] order = new int[n];
    SplittableRandom rng = new SplittableRandom(config.seed());
    int hw = input.pixelsPerImage();
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long t0 = System.nanoTime();
      Randomness.shuffle(order, rng);
      double lossSum = 0;
      int steps = 0;
      for (int start = 0; start + batch <= n; start += batch) {
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
          y[i] = labels[order[start + i]];
        }
        try (var x = Tensors.float32(input.batch(order, start, start + batch), batch, hw);
            var yt = TInt32.vectorOf(y);
            Result r = session.runner().feed(net.images, x).feed(net.labels, yt).addTarget(net.step)
                .fetch(net.loss).run()) {
          lossSum += ((org.tensorflow.types.TFloat32) r.get(0)).getFloat();
          steps++;
        }
      }
      double loss = lossSum / steps;
      if (!Double.isFinite(loss)) {
        throw new IllegalStateException(what + ": training diverged (loss " + loss + ") in epoch " + epoch);
      }
      LOG.log(System.Logger.Level.INFO, String.format("%s: epoch %d/%d, mean loss %.4f, %.1f s", what, epoch,
          config.epochs(), loss, (System.nanoTime() - t0) / 1e9));
    }
  }

  /** Fraction of {@code data} whose most probable class is its label. */
  static double accuracy(Session session, ClassifierGraph net, LabeledDataset data, ExtractorInfo info) {
    FeatureMatrix p = ClassifierExtractor.infer(session, net, new ClassifierInput(data, net.shape()), data.size(), 500,
        info, 1).probabilities();
    int correct = 0;
    for (int i = 0; i < p.rows(); i++) {
      int best = 0;
      for (int c = 1; c < p.cols(); c++) {
        if (p.get(i, c) > p.get(i, best)) {
          best = c;
        }
      }
      correct += best == data.label(i) ? 1 : 0;
    }
    return correct / (double) p.rows();
  }

  /**
   * The root mean square of the raw features over the first {@code n} images of {@code data}
   * (at most its size). Dividing by it gives features of mean square 1 per dimension, the scale
   * KID's kernel {@code (x.y/d + 1)^3} expects (Inception's pool_3 is of that order); the raw
   * penultimate activations are tens, which makes the cubic kernel's MMD estimate explode.
   */
  static double featureScale(Session session, ClassifierGraph net, LabeledDataset data, ExtractorInfo info, int n) {
    int m = Math.min(n, data.size());
    FeatureMatrix f = ClassifierExtractor.infer(session, net, new ClassifierInput(data, net.shape()), m, 500, info, 1)
        .features();
    double sum = 0;
    for (double v : f.values()) {
      sum += v * v;
    }
    return Math.sqrt(sum / f.values().length);
  }
}
