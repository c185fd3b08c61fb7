package org.gansuite.bench.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.core.UserError;

/**
 * A Slurm job array that runs a reproduction matrix in {@code n} shards (task {@code i} runs shard
 * {@code i/n} into the shared run folder) and, run with {@code bash} on the login node, submits
 * itself and a job that builds the tables once every task has succeeded
 * ({@code --dependency=afterok}).
 *
 * <p>The jobs start this JVM's {@code java} with this JVM's class path (see {@link Launch}) rather
 * than {@code bin/gan-bench}: the launcher rebuilds a stale checkout, and n tasks starting together
 * would run n Maven builds in one shared folder.
 */
public final class SlurmScript {

  /** Slurm's memory sizes: a number with an optional unit. */
  private static final Pattern MEM = Pattern.compile("\\d+[KMGTkmgt]?");
  /** Slurm's time limits: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
  private static final Pattern TIME = Pattern.compile("\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}|UNLIMITED|INFINITE");
  /** Partition and account names: one word (a partition list is comma-separated). */
  private static final Pattern NAME = Pattern.compile("[^\\s'\"#]+");

  private SlurmScript() {}

  /**
   * What each task asks Slurm for. A null value leaves its line out (the cluster's default); the
   * messages name the {@code reproduce} options these come from.
   *
   * @param cpus CPUs per task ({@code --cpus-per-task}); TensorFlow sizes its threads from it
   * @param mem memory per task's node ({@code --mem}), e.g. {@code 16G}
   * @param time time limit ({@code --time}), e.g. {@code 2:00:00}
   * @param gpus GPUs per task ({@code --gres=gpu:N}); 0 asks for none
   * @param partition {@code --partition}
   * @param account {@code --account}
   * @param extra any other {@code #SBATCH} options, one each, e.g. {@code --qos=long}
   */
  public record Resources(int cpus, String mem, String time, int gpus, String partition, String account,
      List<String> extra) {

    /** One CPU and the cluster's defaults for everything else: what any node can run. */
    public static final Resources DEFAULT = new Resources(1, null, null, 0, null, null, List.of());

    public Resources {
      if (cpus < 1) {
        throw new UserError("--slurm-cpus must be a positive number of CPUs per task, got " + cpus);
      }
      check("--slurm-mem", mem, MEM, "a size such as 16G or 4000M (a number with an optional K, M, G or T)");
      check("--slurm-time", time, TIME, "a Slurm time limit such as 90 (minutes), 2:00:00 or 1-12 (days-hours)");
      if (gpus < 0) {
        throw new UserError("--slurm-gpus must be 0 or more GPUs per task, got " + gpus);
      }
      check("--slurm-partition", partition, NAME, "one partition name (or a comma-separated list) without blanks");
      check("--slurm-account", account, NAME, "one account name without blanks");
      extra = List.copyOf(extra);
      for (String line : extra) {
        // A line break would end the #SBATCH line and put the rest into the script as a command.
        if (!line.startsWith("-") || line.contains("\n") || line.contains("\r")) {
          throw new UserError("--sbatch must be one sbatch option on one line, without '#SBATCH', such as "
              + "--qos=long, got '" + line.replace("\n", "\\n").replace("\r", "\\r") + "'");
        }
      }
    }

    private static void check(String option, String value, Pattern form, String expected) {
      if (value != null && !form.matcher(value).matches()) {
        throw new UserError(option + " must be " + expected + ", got '" + value + "'");
      }
    }

    /** The #SBATCH options of an array task. */
    List<String> task() {
      List<String> out = new ArrayList<>();
      out.add("--cpus-per-task=" + cpus);
      if (mem != null) {
        out.add("--mem=" + mem);
      }
      if (gpus > 0) {
        out.add("--gres=gpu:" + gpus);
      }
      out.addAll(merge());
      return out;
    }

    /**
     * The #SBATCH options of the job that builds the tables: where and under which account and
     * limits jobs run, without the CPUs, memory and GPUs that training needs.
     */
    List<String> merge() {
      List<String> out = new ArrayList<>();
      if (time != null) {
        out.add("--time=" + time);
      }
      if (partition != null) {
        out.add("--partition=" + partition);
      }
      if (account != null) {
        out.add("--account=" + account);
      }
      out.addAll(extra);
      return out;
    }
  }

  /**
   * How a job starts the command line: this JVM's {@code java} and class path, made absolute, so
   * every task runs the build that wrote the script, wherever the job starts.
   */
  public record Launch(Path java, List<Path> classPath, String mainClass) {

    public Launch {
      classPath = List.copyOf(classPath);
      Objects.requireNonNull(mainClass, "mainClass");
    }

    /** This JVM's launch of {@code main}. */
    public static Launch of(Class<?> main) {
      List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .filter(s -> !s.isEmpty()).map(s -> Path.of(s).toAbsolutePath()).toList();
      return new Launch(Path.of(System.getProperty("java.home"), "bin", "java"), cp, main.getName());
    }

    /** A shell command that runs the main class with the arguments that follow it. */
    String shell() {
      return quote(java.toString()) + " ${JAVA_OPTS:-} -cp "
          + quote(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))) + " " + mainClass;
    }
  }

  /**
   * One matrix on a cluster.
   *
   * @param name job name, e.g. {@code gansuite-6}; the merge job is {@code name-merge}
   * @param shards array size: task i runs shard i/shards
   * @param resources what each task asks for
   * @param launch how the jobs start the command line
   * @param workDir where the jobs run (relative paths in the arguments are relative to it)
   * @param task a task's arguments; {@code --shard i/shards} is appended
   * @param merge the arguments that build the tables from the stored results
   * @param tables where the merge job writes the tables, as the submission reports it
   */
  public record Job(String name, int shards, Resources resources, Launch launch, Path workDir, List<String> task,
      List<String> merge, Path tables) {

    public Job {
      if (shards < 1) {
        throw new UserError("--shards must be positive, got " + shards);
      }
      task = List.copyOf(task);
      merge = List.copyOf(merge);
    }
  }

  /** Writes the script of {@code job} to {@code file} (executable). */
  public static void write(Path file, Job job) throws IOException {
    Path self = file.toAbsolutePath();
    // The logs go beside the script, wherever it is submitted from; sbatch reads a double-quoted
    // value as one, blanks included.
    String logs = self.getParent().resolve(job.name()).toString();
    if (logs.contains("\"")) {
      throw new UserError("--slurm " + file + ": the script's folder must not contain '\"' (it names the job logs)");
    }
    StringBuilder s = new StringBuilder("#!/bin/bash\n");
    sbatch(s, List.of("--job-name=" + job.name(), "--array=0-" + (job.shards() - 1),
        "--output=\"" + logs + "-%A_%a.log\""));
    sbatch(s, job.resources().task());
    s.append("# Written by gan-bench reproduce --slurm: task i runs shard i/").append(job.shards())
        .append(" of the matrix into the shared run folder.\n")
        .append("# On the login node, `bash ").append(self.getFileName()).append("` submits this array and, after it,\n")
        .append("# the job that builds the tables (--dependency=afterok: once every task has succeeded);\n")
        .append("# `sbatch ").append(self.getFileName()).append("` submits the array alone, `bash ")
        .append(self.getFileName()).append(" merge` builds the tables here.\n")
        .append("# Finished runs are skipped and partial ones resume: resubmitting redoes only what is missing.\n")
        .append("set -euo pipefail\n")
        .append("cd ").append(quote(job.workDir().toAbsolutePath().toString())).append('\n')
        // The launcher's default: TensorFlow's native start-up log is noise in a job log.
        .append("export TF_CPP_MIN_LOG_LEVEL=\"${TF_CPP_MIN_LOG_LEVEL:-2}\"\n")
        // As the launcher does: TensorFlow's oneDNN operations on (bf16 needs them; faster fp32 kernels).
        .append("export TF_ENABLE_ONEDNN_OPTS=\"${TF_ENABLE_ONEDNN_OPTS:-1}\"\n")
        .append("gan_bench() { ").append(job.launch().shell()).append(" \"$@\"; }\n")
        .append("if [[ \"${1:-}\" == merge ]]; then\n")
        .append("  gan_bench ").append(words(job.merge())).append('\n')
        .append("elif [[ -n \"${SLURM_ARRAY_TASK_ID:-}\" ]]; then\n")
        .append("  gan_bench ").append(words(job.task())).append(" --shard \"${SLURM_ARRAY_TASK_ID}/")
        .append(job.shards()).append("\"\n")
        .append("else\n")
        // --parsable prints "jobid" or "jobid;cluster".
        .append("  array=$(sbatch --parsable ").append(quote(self.toString())).append(")\n")
        .append("  array=${array%%;*}\n")
        .append("  merge=$(sbatch --parsable --dependency=afterok:\"$array\" <<'MERGE'\n")
        .append("#!/bin/bash\n");
    sbatch(s, List.of("--job-name=" + job.name() + "-merge", "--output=\"" + logs + "-merge-%j.log\""));
    sbatch(s, job.resources().merge());
    s.append("exec bash ").append(quote(self.toString())).append(" merge\n")
        .append("MERGE\n")
        .append("  )\n")
        .append("  merge=${merge%%;*}\n")
        .append("  echo \"submitted job array $array (").append(job.shards())
        .append(" tasks) and job $merge (once every task has succeeded), which writes the tables to \"")
        .append(quote(job.tables().toAbsolutePath().toString())).append("\"; logs: \"").append(quote(logs + "-*.log")).append("\n")
        .append("fi\n");
    Outputs.text(file, s.toString());
    file.toFile().setExecutable(true);
  }

  private static void sbatch(StringBuilder s, List<String> options) {
    options.forEach(o -> s.append("#SBATCH ").append(o).append('\n'));
  }

  private static String words(List<String> args) {
    return args.stream().map(SlurmScript::quote).collect(Collectors.joining(" "));
  }

  /** {@code text} as one single-quoted shell word. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
