package org.gansuite.baselines.sagan;

import java.util.Map;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.core.model.SimpleGanModelProvider;

class SaganJsProviderTest extends BaselineContract {

  @Override
  protected SimpleGanModelProvider provider() {
    return new SaganJsProvider();
  }

  @Override
  protected Map<String, String> phaseOwners() {
    return Map.of("d", "discriminator", "g", "generator");
  }
}
