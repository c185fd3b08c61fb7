package org.gansuite.bench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gansuite.bench.Benchmark;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.protocol.Table;
import org.gansuite.core.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Builds a table and its report from the stored results of one or more run folders (shards, machines). */
@Command(name = "report", aliases = "merge",
    description = "Build table.md, table.csv, time.md and the HTML report from the stored results of one or more run folders.")
final class MergeCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec cmd;

  @Option(names = "--table", required = true, converter = TableConverter.class,
      description = "quick, 2, 3, 4, 5 or 6 (Table 4 reads the runs of 5 and 6).")
  Table table;

  @Option(names = "--runs", required = true, description = "A run folder or data set folder (repeatable).")
  List<Path> runs;

  @Option(names = "--out", required = true, description = "Where tables and report go.")
  Path out;

  @Mixin ClarityOptions clarity = new ClarityOptions();

  @Override
  public Integer call() throws Exception {
    var stored = Benchmark.load(table, runs);
    // Only the row order and the paper's values come from the protocol; the numbers come from the files.
    var registry = ModelRegistry.load();
    Table source = table == Table.TIME ? Table.parse(stored.get(0).result().table()) : table;
    Path index = Benchmark.write(Protocol.of(source, registry, 1), stored, out, clarity.definition());
    cmd.commandLine().getOut().println(Files.readString(out.resolve(table.mainOutput())));
    cmd.commandLine().getOut().printf("report: %s%n", index.toAbsolutePath());
    return 0;
  }
}
