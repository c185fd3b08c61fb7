package org.gansuite.bench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.model.GanModelProvider;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.model.PreparedModel;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the models found through the SPI with their exact parameter counts per network, one table per shape. */
@Command(name = "list", description = "List the registered models with parameter counts per network at each image shape.")
final class ListCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--shape", split = ",", defaultValue = "32x32x3,64x64x3",
      description = "Image shapes HxWxC (CIFAR-10 and CelebA by default; Fashion-MNIST is 28x28x1).")
  List<String> shapes;

  @Override
  public Integer call() {
    var out = cmd.commandLine().getOut();
    var models = ModelRegistry.load().all();
    for (String shape : shapes) {
      ImageShape s = ImageShape.parse(shape);
      List<String[]> rows = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      rows.add(new String[] {"model", "table row", "objective", "epochs", "generator", "discriminator", "other", "total"});
      for (GanModelProvider<?> p : models) {
        rows.add(row(p, s, notes));
      }
      out.printf("Parameters at %s (z of 100 dims; trainable only, moving statistics excluded):%n", s);
      out.print(aligned(rows));
      notes.forEach(out::println);
      out.println();
    }
    out.printf("%d models.%n", models.size());
    return 0;
  }

  private static String[] row(GanModelProvider<?> p, ImageShape s, List<String> notes) {
    String[] r = {p.name(), p.displayName(), p.objective(), String.valueOf(p.defaultEpochs()), "—", "—", "", "—"};
    try (Graph g = new Graph()) {
      var gg = PreparedModel.structureOnly(p, ModelSpec.of(p, s, 1)).build(Ops.create(g));
      long total = 0;
      List<String> other = new ArrayList<>();
      for (var n : gg.networks()) {
        String count = String.format("%,d", n.parameterCount());
        switch (n.name()) {
          case "generator" -> r[4] = count;
          case "discriminator" -> r[5] = count;
          default -> other.add(n.name() + " " + count);
        }
        total += n.parameterCount();
      }
      r[6] = String.join(", ", other);
      r[7] = String.format("%,d", total);
    } catch (IllegalArgumentException e) {
      notes.add(p.name() + ": not buildable at " + s + ": " + e.getMessage());
    }
    return r;
  }

  /** Columns two spaces apart: text left-aligned, columns of numbers (header included) right-aligned. */
  static String aligned(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    boolean[] numeric = new boolean[cols];
    rows.forEach(r -> {
      for (int c = 0; c < cols; c++) {
        width[c] = Math.max(width[c], r[c].length());
        numeric[c] |= r != rows.get(0) && r[c].matches("[0-9,.]+");
      }
    });
    var b = new StringBuilder();
    for (String[] r : rows) {
      var line = new StringBuilder();
      for (int c = 0; c < cols; c++) {
        String cell = numeric[c] ? " ".repeat(width[c] - r[c].length()) + r[c] : r[c] + " ".repeat(width[c] - r[c].length());
        line.append(c == 0 ? "" : "  ").append(cell);
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
