package org.gansuite.bench;

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

/** Lists the models found through the SPI with their exact parameter counts per network. */
@Command(name = "list", description = "List the registered models with parameter counts per network at an image shape.")
final class ListCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--shape", defaultValue = "64x64x3", description = "Image shape HxWxC (default: ${DEFAULT-VALUE}).")
  String shape;

  @Override
  public Integer call() {
    ImageShape s = ImageShape.parse(shape);
    var out = cmd.commandLine().getOut();
    var models = ModelRegistry.load().all();
    out.printf("%-14s %-12s %6s  %-60s %12s%n", "model", "objective", "epochs", "parameters per network", "total");
    for (GanModelProvider p : models) {
      List<String> parts = new ArrayList<>();
      long total = 0;
      try (Graph g = new Graph()) {
        var gg = PreparedModel.structureOnly(p, ModelSpec.of(p, s, 1)).build(Ops.create(g));
        for (var n : gg.networks()) {
          parts.add(n.name() + " " + String.format("%,d", n.parameterCount()));
          total += n.parameterCount();
        }
      } catch (IllegalArgumentException e) {
        out.printf("%-14s %-12s %6d  not buildable at %s: %s%n", p.name(), p.objective(), p.defaultEpochs(), s,
            e.getMessage());
        continue;
      }
      out.printf("%-14s %-12s %6d  %-60s %,12d%n", p.name(), p.objective(), p.defaultEpochs(), String.join(", ", parts), total);
    }
    out.printf("%d models; parameters counted at %s, z of 100 dims (trainable only; moving statistics excluded).%n",
        models.size(), s);
    return 0;
  }
}
