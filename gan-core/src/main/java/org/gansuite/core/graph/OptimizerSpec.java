package org.gansuite.core.graph;

/**
 * An optimizer and its settings. Adam: learning rate, beta1, beta2, epsilon 1e-8. RMSProp:
 * learning rate, decay (rho) 0.9, epsilon 1e-10, no momentum (TensorFlow's defaults).
 */
public record OptimizerSpec(Kind kind, float learningRate, float beta1, float beta2) {

  public enum Kind { ADAM, RMSPROP }

  public OptimizerSpec {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (kind == Kind.ADAM && (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1)) {
      throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
    }
  }

  public static OptimizerSpec adam(double learningRate, double beta1, double beta2) {
    return new OptimizerSpec(Kind.ADAM, (float) learningRate, (float) beta1, (float) beta2);
  }

  public static OptimizerSpec rmsprop(double learningRate) {
    return new OptimizerSpec(Kind.RMSPROP, (float) learningRate, 0f, 0f);
  }
}
