package org.gansuite.baselines.checks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;

/**
 * The baselines, found through ServiceLoader as the command line finds them: every registered
 * provider of a {@code org.gansuite.baselines} package (the test class path also holds gan-core's
 * test model). The class path holds every baseline of the reactor through {@code gan-baselines-all}.
 */
final class Baselines {

  static final String PACKAGE = "org.gansuite.baselines.";

  /**
   * Narrow widths for the learning check, applied to the hyper-parameters of these names that a
   * model declares (DCGAN-layout {@code gf}/{@code df}, BEGAN's {@code n}/{@code h}): about 1/16 of
   * the paper's multiply-adds for the DCGAN-layout models. A model without them runs at its defaults.
   */
  static final Map<String, String> NARROW = Map.of("gf", "16", "df", "16", "n", "16", "h", "32");

  private Baselines() {}

  /** Every baseline provider on the class path, sorted by name. */
  static List<GanModelProvider<?>> all() {
    return ModelRegistry.load().all().stream().filter(p -> p.getClass().getName().startsWith(PACKAGE)).toList();
  }

  static List<String> names() {
    return all().stream().map(GanModelProvider::name).toList();
  }

  /** The {@link #NARROW} entries that {@code p} declares. */
  static Map<String, String> narrowWidths(GanModelProvider<?> p) {
    var out = new TreeMap<>(NARROW);
    out.keySet().retainAll(p.defaults().asMap().keySet());
    return out;
  }
}
