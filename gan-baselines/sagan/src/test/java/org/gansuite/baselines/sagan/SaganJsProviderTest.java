package org.gansuite.baselines.sagan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.gansuite.baselines.testkit.BaselineContract;
import org.gansuite.core.model.SimpleGanModelProvider;
import org.junit.jupiter.api.Test;

class SaganJsProviderTest extends BaselineContract {

  @Override
  protected SimpleGanModelProvider provider() {
    return new SaganJsProvider();
  }

  @Override
  protected Map<String, String> phaseOwners() {
    return Map.of("d", "discriminator", "g", "generator");
  }

  @Test
  void tablesLabelItAsThePaperDoes() {
    assertEquals("SAGAN (JS)", provider().displayName());
    assertEquals(Optional.of("SAGAN (JS)"), provider().paperRow());
  }
}
