package org.gansuite.bench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.bench.runs.SlurmScript;
import org.gansuite.core.UserError;
import org.gansuite.core.device.ComputeDevice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code reproduce --slurm FILE}: the job array script and what each of its tasks asks Slurm for. */
final class SlurmOptions {

  /** This mixin's own options, which a task's command line leaves out. */
  @Spec CommandSpec options;

  @Option(names = "--slurm", paramLabel = "FILE", description = "Write a Slurm job array of --shards tasks to FILE "
      + "and exit; 'bash FILE' on the login node submits it and, after it, the job that builds the tables.")
  Path file;

  @Option(names = "--shards", defaultValue = "8", paramLabel = "N", description = "Array size of the --slurm script.")
  int shards;

  @Option(names = "--slurm-cpus", defaultValue = "1", paramLabel = "N", description = "CPUs per task "
      + "(--cpus-per-task); TensorFlow runs as many threads. The default fits any node.")
  int cpus;

  @Option(names = "--slurm-mem", paramLabel = "SIZE", description = "Memory per task (--mem), e.g. 16G "
      + "(default: the cluster's).")
  String mem;

  @Option(names = "--slurm-time", paramLabel = "LIMIT", description = "Time limit per task and for the table build "
      + "(--time), e.g. 2:00:00 or 1-12 (default: the partition's).")
  String time;

  @Option(names = "--slurm-gpus", defaultValue = "0", paramLabel = "N", description = "GPUs per task (--gres=gpu:N); "
      + "the tasks then train on a GPU (--device gpu, or the --device /GPU:n given; needs the -Pgpu build).")
  int gpus;

  @Option(names = "--slurm-partition", paramLabel = "NAME", description = "Partition of the jobs (default: the cluster's).")
  String partition;

  @Option(names = "--slurm-account", paramLabel = "NAME", description = "Account the jobs are charged to.")
  String account;

  @Option(names = "--sbatch", paramLabel = "OPTION", description = "Any other #SBATCH option for the jobs, e.g. "
      + "--sbatch=--qos=long (repeatable).")
  List<String> extra = new ArrayList<>();

  /** What each task asks for; a malformed value is a usage error naming its option. */
  SlurmScript.Resources resources(CommandSpec command) {
    return usage(command, () -> new SlurmScript.Resources(cpus, mem, time, gpus, partition, account, extra));
  }

  /** {@code make}'s value; its {@link UserError} (a malformed option, named in the message) as a usage error. */
  static <T> T usage(CommandSpec command, java.util.function.Supplier<T> make) {
    try {
      return make.get();
    } catch (UserError e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
  }

  /**
   * A task's {@code reproduce} arguments: {@code original} without this mixin's options and
   * {@code --shard} (each task adds its own); with GPUs, {@code --device} names the GPU the task
   * trains on (the first one Slurm gave it, unless the command named another).
   */
  List<String> taskArgs(CommandSpec command, List<String> original, ComputeDevice device) {
    List<String> dropped = new ArrayList<>(List.of("--shard"));
    options.options().forEach(o -> dropped.addAll(List.of(o.names())));
    String gpu = null;
    if (gpus > 0) {
      if (device.kind() == ComputeDevice.Kind.CPU) {
        throw new ParameterException(command.commandLine(), "--slurm-gpus " + gpus + " with --device " + device.name()
            + ": the tasks would leave their GPUs idle");
      }
      gpu = device.kind() == ComputeDevice.Kind.GPU ? device.name() : ComputeDevice.GPU.name();
      dropped.add("--device");
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      String a = original.get(i);
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (!dropped.contains(name)) {
        kept.add(a);
      } else if (!a.contains("=")) {
        i++; // every dropped option takes one value, here the next argument
      }
    }
    if (gpu != null) {
      kept.addAll(List.of("--device", gpu));
    }
    return kept;
  }

  /** The names this mixin's options go by, for {@link ConfigFile}: none of them belongs in a run's configuration. */
  static List<String> keys() {
    return picocli.CommandLine.Model.CommandSpec.forAnnotatedObject(new SlurmOptions()).options().stream()
        .map(OptionSpec::longestName).map(n -> n.replaceFirst("^--", "")).toList();
  }
}
