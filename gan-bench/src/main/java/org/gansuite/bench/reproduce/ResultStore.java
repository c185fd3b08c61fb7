package org.gansuite.bench.reproduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads every stored {@code result.json} under one or more run roots (e.g. the shards of a matrix). */
public final class ResultStore {

  /** A result and the run folder it was read from. */
  public record Stored(Path dir, ResultRecord record) {}

  private ResultStore() {}

  public static List<ResultRecord> records(List<Stored> stored) {
    return stored.stream().map(Stored::record).toList();
  }

  /** Results of {@code table} found under the roots, in path order; a duplicate run (same folder name) is an error. */
  public static List<Stored> load(List<Path> roots, String table) throws IOException {
    List<Stored> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        throw new IOException(root + ": no such run folder");
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(root)) {
        files = s.filter(p -> p.getFileName().toString().equals(ResultRecord.FILE)).sorted(Comparator.naturalOrder()).toList();
      }
      for (Path f : files) {
        ResultRecord r = ResultRecord.read(f);
        if (!r.table().equals(table)) {
          continue;
        }
        String id = root.relativize(f.getParent()).toString();
        if (seen.contains(id)) {
          throw new IOException(f + ": run " + id + " appears under two roots");
        }
        seen.add(id);
        out.add(new Stored(f.getParent(), r));
      }
    }
    return out;
  }
}
