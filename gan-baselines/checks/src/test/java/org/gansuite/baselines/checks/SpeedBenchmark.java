package org.gansuite.baselines.checks;

import java.util.Locale;
import org.gansuite.baselines.testkit.ModelHarness;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.Phase;

/**
 * Milliseconds per training iteration (every phase, each run its number of steps: e.g. WGAN's 5
 * critic steps and 1 generator step) of every baseline at the paper's sizes, batch 64, on random
 * feeds. Arguments: warm-up iterations (default 2), timed iterations (default 5), shapes (default
 * 32x32x3,64x64x3). Prints a Markdown table. Run by hand:
 *
 * <pre>
 * mvn -q -o -pl gan-baselines/checks -am test-compile
 * mvn -q -o -pl gan-baselines/checks org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=org.gansuite.baselines.checks.SpeedBenchmark -Dexec.args="2 5"
 * </pre>
 */
public final class SpeedBenchmark {

  private SpeedBenchmark() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int timed = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] shapes = (args.length > 2 ? args[2] : "32x32x3,64x64x3").split(",");
    System.out.println("| model | " + String.join(" ms/it | ", shapes) + " ms/it |");
    System.out.println("|---|" + "---|".repeat(shapes.length));
    for (GanModelProvider p : Baselines.all()) {
      StringBuilder row = new StringBuilder("| " + p.name() + " |");
      for (String shape : shapes) {
        var spec = new ModelSpec(p.name(), ImageShape.parse(shape), 100, 64, 1, p.defaults());
        row.append(String.format(Locale.ROOT, " %.0f |", msPerIteration(p, spec, warmup, timed)));
      }
      System.out.println(row);
    }
  }

  static double msPerIteration(GanModelProvider p, ModelSpec spec, int warmup, int timed) {
    try (var h = new ModelHarness(p, spec)) {
      for (int i = 0; i < warmup; i++) {
        iteration(h);
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < timed; i++) {
        iteration(h);
      }
      return (System.nanoTime() - t0) / 1e6 / timed;
    }
  }

  private static void iteration(ModelHarness h) {
    for (Phase phase : h.gan().phases()) {
      for (int k = 0; k < phase.steps(); k++) {
        h.step(phase.name());
      }
    }
    h.redraw();
  }
}
