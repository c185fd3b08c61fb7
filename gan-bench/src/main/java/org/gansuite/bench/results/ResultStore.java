package org.gansuite.bench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.gansuite.core.UserError;

/**
 * Reads every stored result ({@code result.json} of {@code reproduce}, {@code evaluation.json} of
 * {@code evaluate}) under one or more run roots (e.g. the shards of a matrix).
 */
public final class ResultStore {

  /** A result and the run folder it was read from. */
  public record Stored(Path dir, RunResult result) {}

  private ResultStore() {}

  public static List<RunResult> results(List<Stored> stored) {
    return stored.stream().map(Stored::result).toList();
  }

  /**
   * Results of table {@code tableKey} (null: results of {@code evaluate}) under the roots, in path
   * order; a duplicate run (same relative folder under two roots) is an error.
   */
  public static List<Stored> load(List<Path> roots, String tableKey) throws IOException {
    List<Stored> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new UserError(root + ": no such run folder");
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(ResultStore::isResult).sorted(Comparator.naturalOrder()).toList();
      }
      for (Path f : files) {
        RunResult r = RunResult.read(f);
        if (!Objects.equals(r.table(), tableKey)) {
          continue;
        }
        String id = root.relativize(f).toString();
        if (seen.contains(id)) {
          throw new UserError(f + ": run " + root.relativize(f.getParent()) + " appears under two roots");
        }
        seen.add(id);
        out.add(new Stored(f.getParent(), r));
      }
    }
    return out;
  }

  private static boolean isResult(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.equals(RunResult.FILE) || name.equals(RunResult.EVALUATION_FILE));
  }
}
