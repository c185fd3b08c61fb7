package org.gansuite.models.decoding;

import java.util.Map;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.model.HyperParameters;

/**
 * The U-Net auto-encoder of the decoding-constrained GAN (doi 10.16383/j.aas.c190496) and its
 * pre-training: encoder variables, network widths (the GAN's), Adam settings and the epoch budget.
 *
 * @param encoder shared discriminator trunk (default) or separate weights
 * @param gf generator width (64 in the paper's DCGAN architecture)
 * @param df discriminator width (64)
 * @param learningRate Adam learning rate of the pre-training (MSE)
 * @param beta1 Adam beta1 (beta2 is 0.999)
 * @param epochs pre-training epochs
 * @param maxIterations cap on pre-training iterations (0: epochs alone decide)
 * @param skips the U-Net's skip connections: every level (default) or all but the deepest
 */
public record AutoEncoderConfig(EncoderKind encoder, int gf, int df, double learningRate, double beta1, int epochs,
    long maxIterations, Skips skips) {

  public AutoEncoderConfig {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(skips, "skips");
    if (gf <= 0 || df <= 0) {
      throw new UserError("gf and df must be positive, got " + gf + ", " + df);
    }
    if (epochs <= 0) {
      throw new UserError("ae_epochs must be positive, got " + epochs);
    }
    if (maxIterations < 0) {
      throw new UserError("ae_max_iterations must not be negative, got " + maxIterations);
    }
    optimizer(learningRate, beta1); // validates both
  }

  public static AutoEncoderConfig of(HyperParameters hp) {
    return new AutoEncoderConfig(hp.getEnum("encoder", EncoderKind.class), hp.getInt("gf"), hp.getInt("df"),
        hp.getDouble("ae_lr"), hp.getDouble("beta1"), hp.getInt("ae_epochs"), hp.getInt("ae_max_iterations"),
        hp.getEnum("ae_skips", Skips.class));
  }

  /**
   * The auto-encoder described by {@link #runHyperParameters()}; the budget takes its default,
   * since no graph depends on it.
   */
  static AutoEncoderConfig ofRun(HyperParameters run) {
    var text = new java.util.TreeMap<String, String>();
    run.asMap().forEach((k, v) -> text.put(k, String.valueOf(v)));
    return of(DecodingConfig.defaults().with(text));
  }

  public OptimizerSpec optimizer() {
    return optimizer(learningRate, beta1);
  }

  /**
   * The hyper-parameters that define the auto-encoder run, and only those: the epoch budget is a
   * training setting, so raising it resumes the same run instead of refusing it.
   */
  public HyperParameters runHyperParameters() {
    return HyperParameters.of(Map.of("encoder", encoder.name().toLowerCase(), "gf", gf, "df", df,
        "ae_lr", learningRate, "beta1", beta1, "ae_skips", skips.name().toLowerCase()));
  }

  static OptimizerSpec optimizer(double learningRate, double beta1) {
    return OptimizerSpec.adam(learningRate, beta1, 0.999);
  }
}
