package org.gansuite.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansuite.bench.reproduce.Outputs;
import org.gansuite.bench.reproduce.Protocol;
import org.gansuite.bench.reproduce.ResultStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds a table and its report from the stored results of one or more run folders (shards, machines). */
@Command(name = "report", aliases = "merge",
    description = "Build table.md, table.csv, time.md and the HTML report from the stored results of one or more run folders.")
final class MergeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--table", required = true, description = "quick, 2, 3, 5 or 6 (time.md, Table 4, comes with 5 and 6).")
  String table;

  @Option(names = "--runs", required = true, description = "A run folder or data set folder (repeatable).")
  List<Path> runs;

  @Option(names = "--out", required = true, description = "Where tables and report go.")
  Path out;

  @Override
  public Integer call() throws Exception {
    var stored = ResultStore.load(runs, table);
    if (stored.isEmpty()) {
      throw new IllegalArgumentException("no results of table " + table + " under " + runs);
    }
    // Only the row order and the paper's values come from the protocol; the numbers come from the files.
    Protocol protocol = table.equals("quick") ? Protocol.quick(1, 2, 1) : Protocol.paper(table, 1);
    Path index = Outputs.write(out, protocol, stored);
    cmd.commandLine().getOut().println(Files.readString(out.resolve("table.md")));
    cmd.commandLine().getOut().printf("report: %s%n", index.toAbsolutePath());
    return 0;
  }
}
