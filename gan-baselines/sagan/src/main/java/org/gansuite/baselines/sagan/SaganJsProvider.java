package org.gansuite.baselines.sagan;

import java.util.Optional;

/** SAGAN with the non-saturating JS loss: the tables' "SAGAN (JS)" row. */
public final class SaganJsProvider extends SaganProvider {

  public SaganJsProvider() {
    super(SaganLoss.JS);
  }

  @Override
  public String name() {
    return "sagan-js";
  }

  @Override
  public String displayName() {
    return "SAGAN (JS)";
  }

  @Override
  public Optional<String> paperRow() {
    return Optional.of(displayName());
  }

  @Override
  public String description() {
    return "SAGAN, non-saturating JS loss, spectral norm, self-attention, TTUR (Zhang et al. 2019)";
  }

  @Override
  public String objective() {
    return "JS";
  }
}
