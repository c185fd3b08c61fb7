package org.gansuite.bench;

import java.io.PrintWriter;
import org.gansuite.core.data.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gan-bench}: train GANs, measure them, reproduce the paper's comparison tables. */
@Command(name = "gan-bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Train GANs with TensorFlow Java, measure them, and reproduce the comparison tables of "
        + "\"GANs based on sample-feature decoding constraint\".",
    subcommands = {ListCommand.class, TrainCommand.class, EvaluateCommand.class, ReproduceCommand.class, MergeCommand.class,
        ScoreCommand.class, FidCommand.class, StatsCommand.class, PerfCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** Exit code of a run that failed for a reason other than bad arguments (bad data, divergence). */
  public static final int FAILED = 1;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Expected failures get one clear line; anything else keeps its stack trace.
      if (e instanceof DataFormatException || e instanceof IllegalArgumentException
          || e instanceof IllegalStateException || e instanceof java.io.IOException) {
        cmd.getErr().println("gan-bench: " + e.getMessage());
      } else {
        e.printStackTrace(cmd.getErr());
      }
      return FAILED;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gan-bench " + org.gansuite.core.provenance.Provenance.currentCodeVersion(),
          "TensorFlow " + org.tensorflow.TensorFlow.version(), "Java " + Runtime.version()};
    }
  }
}
