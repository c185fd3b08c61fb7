package org.gansuite.baselines.checks;

import java.util.List;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;

/** The seven baseline models, found through ServiceLoader as the command line finds them. */
final class Baselines {

  static final List<String> NAMES = List.of("dcgan", "lsgan", "wgan", "wgan-gp", "sagan-hinge", "sagan-js", "began");

  private Baselines() {}

  static List<GanModelProvider> all() {
    var registry = ModelRegistry.load();
    return NAMES.stream().<GanModelProvider>map(registry::get).toList();
  }
}
