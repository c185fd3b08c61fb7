package org.gansuite.baselines.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The class path built from {@code gan-baselines-all} holds every baseline of the reactor: each
 * provider class named in the services file of a module of gan-baselines/pom.xml is registered,
 * and nothing else of an {@code org.gansuite.baselines} package is.
 */
class BaselinesTest {

  static final String SERVICES = "src/main/resources/META-INF/services/org.gansuite.core.model.GanModelProvider";

  @Test
  void everyBaselineModuleOfTheReactorIsRegistered() throws Exception {
    Path parent = Path.of("..").toAbsolutePath().normalize();
    var modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(parent.resolve("pom.xml")));
    var expected = new TreeSet<String>();
    List<String> moduleNames = new ArrayList<>();
    while (modules.find()) {
      Path services = parent.resolve(modules.group(1)).resolve(SERVICES);
      if (Files.isRegularFile(services)) {
        moduleNames.add(modules.group(1));
        for (String line : Files.readAllLines(services)) {
          String name = line.replaceAll("#.*", "").trim();
          if (!name.isEmpty()) {
            expected.add(name);
          }
        }
      }
    }
    assertTrue(moduleNames.contains("dcgan"), "modules with providers: " + moduleNames);
    var found = new TreeSet<>(Baselines.all().stream().map(p -> p.getClass().getName()).toList());
    assertEquals(expected, found, "gan-baselines/all/pom.xml must depend on every module of "
        + "gan-baselines/pom.xml that registers a provider " + moduleNames
        + " (java gan-baselines/all/src/build/SyncBaselines.java --sync gan-baselines rewrites it)");
  }

  @Test
  void narrowWidthsAreTheDeclaredOnes() {
    var registry = Baselines.all();
    var dcgan = registry.stream().filter(p -> p.name().equals("dcgan")).findFirst().orElseThrow();
    var began = registry.stream().filter(p -> p.name().equals("began")).findFirst().orElseThrow();
    assertEquals(Map.of("gf", "16", "df", "16"), Baselines.narrowWidths(dcgan));
    assertEquals(Map.of("n", "16", "h", "32"), Baselines.narrowWidths(began));
  }
}
