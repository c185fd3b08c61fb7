package org.gansuite.baselines.sagan;

import java.util.Optional;

/** SAGAN with its hinge loss: the tables' "SAGAN (hinge)" row, objective listed as Wasserstein. */
public final class SaganHingeProvider extends SaganProvider {

  public SaganHingeProvider() {
    super(SaganLoss.HINGE);
  }

  @Override
  public String name() {
    return "sagan-hinge";
  }

  @Override
  public String displayName() {
    return "SAGAN (hinge)";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "SAGAN, hinge loss, spectral norm, self-attention, TTUR (Zhang et al. 2019)";
  }

  @Override
  public String objective() {
    return "Wasserstein";
  }
}
