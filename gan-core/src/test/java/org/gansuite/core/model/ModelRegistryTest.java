package org.gansuite.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;

class ModelRegistryTest {

  private static GanModelProvider<?> named(String name) {
    return new TinyGan() {
      @Override
      public String name() {
        return name;
      }
    };
  }

  @Test
  void serviceLoaderFindsTheTestProvider() {
    var registry = ModelRegistry.load();
    assertEquals("tiny-gan", registry.get("tiny-gan").name());
    var e = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"));
    assertTrue(e.getMessage().contains("tiny-gan"), e.getMessage());
  }

  @Test
  void duplicateAndMalformedNamesAreRejected() {
    var dup = assertThrows(IllegalStateException.class, () -> ModelRegistry.of(List.of(named("a-b"), named("a-b"))));
    assertTrue(dup.getMessage().contains("two model providers are named 'a-b'"), dup.getMessage());
    for (String bad : new String[] {"WGAN", "wgan_gp", "-x", "x-", "", "2gan"}) {
      var e = assertThrows(IllegalStateException.class, () -> ModelRegistry.of(List.of(named(bad))), bad);
      assertTrue(e.getMessage().contains("malformed name"), e.getMessage());
    }
    assertEquals(2, ModelRegistry.of(List.of(named("wgan-gp"), named("sagan-hinge"))).all().size());
  }

  @Test
  void hyperParametersParseOverridesByTheDefaultsType() {
    var hp = HyperParameters.of(Map.of("lr", 1e-3, "steps", 5, "clip", true, "loss", "l2"));
    var o = hp.with(Map.of("lr", "2e-4", "steps", "3", "clip", "false", "loss", "l1"));
    assertEquals(2e-4, o.getDouble("lr"), 0);
    assertEquals(3, o.getInt("steps"));
    assertEquals(false, o.getBoolean("clip"));
    assertEquals("l1", o.getString("loss"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> hp.with(Map.of("lrr", "1")))
        .getMessage().contains("unknown hyper-parameter 'lrr'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> hp.with(Map.of("steps", "x")))
        .getMessage().contains("steps"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> hp.with(Map.of("clip", "yes")))
        .getMessage().contains("clip"));
  }
}
