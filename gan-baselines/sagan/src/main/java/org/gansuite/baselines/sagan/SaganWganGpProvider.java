package org.gansuite.baselines.sagan;

import java.util.Optional;

/**
 * SAGAN with the WGAN-GP loss ({@link SaganLoss#WGAN_GP}): the other reading of the tables' SAGAN
 * row whose objective is "Wasserstein" (hinge is the first), so it shares that paper row.
 *
 * <p>Our reading: lambda_gp = 10 (Gulrajani et al. 2017) on the penalty at random interpolates;
 * the penalty joins the Wasserstein term in one loss and one Adam step per discriminator step, as
 * in the WGAN-GP paper's Algorithm 1 (heykeetae/Self-Attention-GAN takes two Adam steps, one on each
 * term, an implementation detail not followed). One discriminator step per generator step with
 * SAGAN's two time-scale rule (D 4e-4, G 1e-4) rather than WGAN-GP's five critic steps at one
 * rate: SAGAN's TTUR replaces the extra critic steps, and that implementation's WGAN-GP loss also
 * takes one ({@code d_steps=5} gives the WGAN-GP paper's count). Adam betas 0 and 0.9 are both
 * papers' choice. The critic is SAGAN's discriminator as it stands: spectral norm in every layer,
 * no batch norm (which would make the per-sample penalty depend on the batch); spectral norm and
 * the penalty both constrain its Lipschitz constant, as in that implementation.
 */
public final class SaganWganGpProvider extends SaganProvider {

  public SaganWganGpProvider() {
    super(SaganLoss.WGAN_GP);
  }

  @Override
  public String name() {
    return "sagan-wgan-gp";
  }

  @Override
  public String displayName() {
    return "SAGAN (WGAN-GP)";
  }

  /** The paper's SAGAN row whose objective is "Wasserstein", which {@code sagan-hinge} also reads. */
  @Override
  public Optional<String> paperRow() {
    return new SaganHingeProvider().paperRow();
  }

  @Override
  public String description() {
    return "SAGAN, WGAN-GP loss (gradient penalty 10), spectral norm, self-attention, TTUR (Zhang et al. 2019)";
  }

  @Override
  public String objective() {
    return "Wasserstein";
  }
}
