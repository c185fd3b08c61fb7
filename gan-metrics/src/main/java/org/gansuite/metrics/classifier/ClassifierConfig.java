package org.gansuite.metrics.classifier;

/**
 * How the domain classifier is trained: Adam (beta1 0.9, beta2 0.999) on softmax cross entropy,
 * shuffled mini-batches (the last partial batch of an epoch dropped), seeded initialisation and
 * shuffling.
 */
public record ClassifierConfig(int epochs, int batchSize, double learningRate, long seed) {

  public ClassifierConfig {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("bad classifier config: epochs " + epochs + ", batch " + batchSize
          + ", learning rate " + learningRate);
    }
  }

  /**
   * The settings the Fashion-MNIST classifier is trained with: 8 epochs of batch 64, lr 1e-3, seed 1
   * (test accuracy 0.9098; 4 epochs gave 0.9026, too close to the 0.90 the protocol asks for).
   */
  public static ClassifierConfig defaults() {
    return new ClassifierConfig(8, 64, 1e-3, 1);
  }

  /** One line naming every setting (part of the cache key). */
  public String canonical() {
    return "epochs=" + epochs + "|batch=" + batchSize + "|lr=" + learningRate + "|seed=" + seed;
  }
}
