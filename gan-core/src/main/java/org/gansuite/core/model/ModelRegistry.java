package org.gansuite.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.gansuite.core.UserError;

/** The models found through {@link ServiceLoader}, by validated, unique name. */
public final class ModelRegistry {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final Map<String, GanModelProvider<?>> byName;

  private ModelRegistry(Map<String, GanModelProvider<?>> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** Every provider on the class path of the context class loader. */
  public static ModelRegistry load() {
    List<GanModelProvider<?>> found = new ArrayList<>();
    ServiceLoader.load(GanModelProvider.class).forEach(found::add);
    return of(found);
  }

  /** A registry of the given providers; fails on a malformed or duplicate name. */
  public static ModelRegistry of(List<? extends GanModelProvider<?>> providers) {
    var map = new TreeMap<String, GanModelProvider<?>>();
    for (var p : providers) {
      String name = p.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException("model provider " + p.getClass().getName() + " has a malformed name '"
            + name + "': names are lower-case words joined by '-', e.g. wgan-gp");
      }
      var previous = map.put(name, p);
      if (previous != null) {
        throw new IllegalStateException("two model providers are named '" + name + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new ModelRegistry(map);
  }

  /** Every provider, in a stable order: sorted by name. */
  public List<GanModelProvider<?>> all() {
    return List.copyOf(byName.values());
  }

  /** The model named {@code name}; a {@link UserError} naming the known models if there is none. */
  public GanModelProvider<?> get(String name) {
    var p = byName.get(name);
    if (p == null) {
      throw new UserError("no model named '" + name + "'; known: " + byName.keySet());
    }
    return p;
  }
}
