package org.gansuite.metrics.extract;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.gansuite.core.UserError;

/** The extractors registered through {@link ServiceLoader}, by name. */
public final class FeatureExtractors {

  private FeatureExtractors() {}

  /** Registered providers by name; duplicate or malformed names are an error. */
  public static Map<String, FeatureExtractorProvider> providers() {
    Map<String, FeatureExtractorProvider> byName = new TreeMap<>();
    for (FeatureExtractorProvider p : ServiceLoader.load(FeatureExtractorProvider.class)) {
      String name = p.name();
      if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
        throw new IllegalStateException(p.getClass().getName() + " has an invalid extractor name '" + name + "'");
      }
      FeatureExtractorProvider old = byName.put(name, p);
      if (old != null) {
        throw new IllegalStateException("extractor name '" + name + "' is registered twice: "
            + old.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return byName;
  }

  public static List<String> names() {
    return List.copyOf(providers().keySet());
  }

  public static FeatureExtractor open(String name, ExtractorOptions options) throws IOException {
    FeatureExtractorProvider p = providers().get(name);
    if (p == null) {
      throw new UserError("no feature extractor named '" + name + "'; known: " + names());
    }
    return p.open(options);
  }
}
