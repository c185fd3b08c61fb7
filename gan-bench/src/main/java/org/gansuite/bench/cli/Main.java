package org.gansuite.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.core.UserError;
import org.gansuite.core.data.DataFormatException;
import org.gansuite.core.image.ImageDecoder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code gan-bench}: train GANs, measure them, reproduce the paper's comparison tables. */
@Command(name = "gan-bench", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, showDefaultValues = true,
    versionProvider = Main.Version.class, usageHelpAutoWidth = true,
    description = "Train GANs with TensorFlow Java, measure them, and reproduce the comparison tables of "
        + "\"GANs based on sample-feature decoding constraint\".",
    subcommands = {ListCommand.class, TrainCommand.class, EvaluateCommand.class, ReproduceCommand.class, MergeCommand.class,
        RunsCommand.class, ScoreCommand.class, FidCommand.class, StatsCommand.class, PerfCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {

  @picocli.CommandLine.Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Show TensorFlow's native start-up log on stderr (bin/gan-bench filters it out otherwise).")
  boolean verbose;

  @picocli.CommandLine.Option(names = "--max-image-pixels", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Refuse an image whose header claims more than N pixels (width x height), before decoding it "
          + "(default: " + ImageDecoder.DEFAULT_MAX_PIXELS + ").")
  Long maxImagePixels;

  /** Exit code of a run that failed for a reason other than malformed arguments (bad data, divergence). */
  public static final int FAILED = 1;
  /** Exit code of malformed arguments (picocli's). */
  public static final int USAGE = 2;

  public static void main(String[] args) {
    // Log records as one plain line each ("gan-bench: <message>"), not java.util.logging's two-line
    // default with a timestamp and the logging method's name.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "gan-bench: %5$s%6$s%n");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (isUserError(e)) {
        cmd.getErr().println("gan-bench: " + (e instanceof UncheckedIOException u ? u.getCause() : e).getMessage());
      } else {
        e.printStackTrace(cmd.getErr());
        cmd.getErr().println("gan-bench: this is a bug in gansuite, not in your input; please report it with the "
            + "trace above and the command line.");
      }
      return FAILED;
    });
    cli.setExecutionStrategy(Main::execute);
    try {
      ConfigFile.install(cli, args);
      return cli.execute(args);
    } catch (UserError e) {
      // A --config file that cannot be read fails before picocli runs the command.
      err.println("gan-bench: " + e.getMessage());
      return USAGE;
    }
  }

  /**
   * Runs the parsed command after the checks every command shares: no negative number but a seed
   * (a usage error, exit code 2, naming the option), and the image size limit set for the call.
   */
  private static int execute(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    for (CommandLine.Model.OptionSpec o : last.commandSpec().options()) {
      if (o.getValue() instanceof Number n && n.doubleValue() < 0 && !o.longestName().equals("--seed")) {
        throw new CommandLine.ParameterException(last.commandSpec().commandLine(),
            o.longestName() + " must not be negative, got " + n);
      }
    }
    Long max = last.matchedOptionValue("--max-image-pixels", null);
    if (max != null && max < 1) {
      throw new CommandLine.ParameterException(last.commandSpec().commandLine(), "--max-image-pixels must be positive, got " + max);
    }
    // The decoder reads its limit from a system property; it is set for this call only.
    String before = System.getProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
    if (max != null) {
      System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, max.toString());
    }
    try {
      return new CommandLine.RunLast().execute(parsed);
    } finally {
      if (before == null) {
        System.clearProperty(ImageDecoder.MAX_PIXELS_PROPERTY);
      } else {
        System.setProperty(ImageDecoder.MAX_PIXELS_PROPERTY, before);
      }
    }
  }

  /**
   * What the user can fix: their input (a {@link UserError}, a malformed data file) or the
   * environment (a missing file, a full disk: I/O errors name their file). Anything else is a bug.
   */
  static boolean isUserError(Exception e) {
    return e instanceof UserError || e instanceof DataFormatException || e instanceof IOException
        || e instanceof UncheckedIOException || e instanceof SecurityException;
  }

  /**
   * The launcher of this build, {@code <checkout>/bin/gan-bench}, as printed instructions name it
   * (they are often run from another folder, e.g. a cluster's job). The classes live in
   * {@code gan-bench/target/gan-bench.jar} or, in the tests, {@code gan-bench/target/classes}.
   */
  static String launcher() {
    try {
      Path code = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path bin = code.toAbsolutePath().getParent().getParent().getParent().resolve("bin").resolve("gan-bench");
      if (Files.isExecutable(bin)) {
        return bin.toString();
      }
    } catch (URISyntaxException | RuntimeException e) {
      // not from a checkout: the plain name below
    }
    return "bin/gan-bench";
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gan-bench " + org.gansuite.core.provenance.Provenance.currentCodeVersion(),
          "TensorFlow " + org.tensorflow.TensorFlow.version(), "Java " + Runtime.version()};
    }
  }
}
