package org.gansuite.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.gansuite.bench.results.RunResult;
import org.gansuite.core.UserError;
import org.gansuite.core.train.Checkpoints;
import org.gansuite.core.train.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the run folders under a root (of train and reproduce) with model, data, progress, status and FID. */
@Command(name = "runs", aliases = "status",
    description = "List run folders: model, data set, iterations done, status (running, interrupted: its process "
        + "is gone, completed, failed) and FID.")
final class RunsCommand implements Callable<Integer> {

  private static final String STATUS = RunStatus.FILE;

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--runs", defaultValue = "runs", description = "Root of the run folders.")
  Path root;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(root)) {
      throw new UserError(root + ": no such run folder");
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(root)) {
      dirs = s.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve(STATUS))
          || Files.isRegularFile(d.resolve(RunResult.FILE)) || Files.isRegularFile(d.resolve(RunResult.EVALUATION_FILE)))
          .sorted().toList();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"run folder", "model", "data", "iterations", "status", "FID"});
    for (Path d : dirs) {
      rows.add(row(d));
    }
    var out = cmd.commandLine().getOut();
    out.print(ListCommand.aligned(rows));
    out.printf("%d run folders under %s; FID as stored by reproduce or evaluate (its protocol is in the result file).%n",
        dirs.size(), root);
    return 0;
  }

  private String[] row(Path d) {
    String[] r = {root.relativize(d).toString(), "", "", "", "", ""};
    try {
      if (Files.isRegularFile(d.resolve(STATUS))) {
        JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.resolve(STATUS).toFile());
        r[3] = s.path("iteration").asText();
        r[4] = RunStatus.read(s);
      }
      var latest = new Checkpoints(d.resolve("checkpoints"), 1).latest();
      if (latest.isPresent()) {
        var config = Checkpoints.readState(latest.get()).config();
        r[1] = config.getOrDefault("model", "");
        r[2] = config.getOrDefault("dataset", "");
      }
      for (String name : List.of(RunResult.FILE, RunResult.EVALUATION_FILE)) {
        if (Files.isRegularFile(d.resolve(name))) {
          var result = RunResult.read(d.resolve(name));
          r[1] = result.model();
          r[2] = result.protocol().dataset();
          r[4] = result.status().toString();
          if (result.training() != null) {
            r[3] = String.valueOf(result.training().iterations());
          }
          r[5] = result.evaluation() == null ? "" : String.format(Locale.ROOT, "%.2f", result.evaluation().fid());
        }
      }
    } catch (IOException | RuntimeException e) {
      r[4] = "unreadable: " + e.getMessage();
    }
    return r;
  }
}
