package org.gansuite.models.decoding;

import java.util.Map;
import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.graph.OptimizerSpec;
import org.gansuite.core.model.HyperParameters;

/**
 * The decoding-constrained GAN's settings (doi 10.16383/j.aas.c190496), read from its
 * hyper-parameters. {@code lambda = 0} is the DCGAN-equivalent control: no auto-encoder, no
 * decoding phase, the same networks and optimizers.
 *
 * @param lambda weight of the decoding loss (the paper's lambda; default 1)
 * @param source auto-encoder features (default) or fixed random ones
 * @param loss the decoding loss, L2 by default
 * @param warmStart whether G (and the shared trunk) start GAN training from their pre-trained values
 * @param learningRate Adam learning rate of the decoding, discriminator and generator steps
 * @param gSteps generator steps per discriminator step (DCGAN reference code uses 2; default 1)
 * @param step how the decoding loss reaches the generator (default: its own step on G's Adam state)
 * @param bnStatistics which generator passes update its batch-norm moving averages (default: z's only)
 * @param ae the auto-encoder and its pre-training
 */
public record DecodingConfig(double lambda, FeatureSource source, DecodingLoss loss, boolean warmStart,
    double learningRate, int gSteps, DecodingStep step, BnStatistics bnStatistics, AutoEncoderConfig ae) {

  public DecodingConfig {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(bnStatistics, "bnStatistics");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(ae, "ae");
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new UserError("lambda must be finite and >= 0, got " + lambda);
    }
    if (gSteps <= 0) {
      throw new UserError("g_steps must be positive, got " + gSteps);
    }
    AutoEncoderConfig.optimizer(learningRate, ae.beta1());
  }

  /** The defaults of PROTOCOL.md ("The proposed model (our reading)"). */
  public static HyperParameters defaults() {
    return HyperParameters.of(Map.ofEntries(
        Map.entry("lambda", 1.0),
        Map.entry("feature_source", "ae"),
        Map.entry("decoding_loss", "l2"),
        Map.entry("ae_warm_start", true),
        Map.entry("lr", 2e-4),
        Map.entry("beta1", 0.5),
        Map.entry("g_steps", 1),
        Map.entry("decoding_step", "shared_adam"),
        Map.entry("g_bn_statistics", "adversarial"),
        Map.entry("ae_skips", "all"),
        Map.entry("gf", 64),
        Map.entry("df", 64),
        Map.entry("encoder", "shared"),
        Map.entry("ae_lr", 2e-4),
        Map.entry("ae_epochs", 5),
        Map.entry("ae_max_iterations", 0)));
  }

  public static DecodingConfig of(HyperParameters hp) {
    return new DecodingConfig(hp.getDouble("lambda"), hp.getEnum("feature_source", FeatureSource.class),
        hp.getEnum("decoding_loss", DecodingLoss.class), hp.getBoolean("ae_warm_start"), hp.getDouble("lr"),
        hp.getInt("g_steps"), hp.getEnum("decoding_step", DecodingStep.class),
        hp.getEnum("g_bn_statistics", BnStatistics.class), AutoEncoderConfig.of(hp));
  }

  /** Whether an iteration starts with a decoding step. */
  public boolean decodes() {
    return lambda > 0;
  }

  /** Whether the run pre-trains an auto-encoder (only its features or warm start need one). */
  public boolean usesAutoEncoder() {
    return decodes() && source == FeatureSource.AE;
  }

  public OptimizerSpec optimizer() {
    return AutoEncoderConfig.optimizer(learningRate, ae.beta1());
  }
}
