package org.gansuite.core.device;

import org.gansuite.core.UserError;

/**
 * TensorFlow's thread counts when none is asked for: inside a Slurm task, the CPUs Slurm gave the
 * task ({@value #SLURM_CPUS}); elsewhere TensorFlow's default (0: every core of the machine). A
 * task's process sees every core of its node (with {@code task/none} nothing pins it), so without
 * this the tasks sharing a node would each start one thread per core and fight over them.
 */
public final class Threads {

  /** The variable Slurm sets in a task started with {@code --cpus-per-task}. */
  public static final String SLURM_CPUS = "SLURM_CPUS_PER_TASK";

  private Threads() {}

  /** {@code requested} when positive, else the CPUs of this Slurm task, else 0 (TensorFlow's default). */
  public static int resolve(int requested) {
    return resolve(requested, System.getenv(SLURM_CPUS));
  }

  /** {@link #resolve(int)} with the value of {@value #SLURM_CPUS} given (null: not in a Slurm task). */
  static int resolve(int requested, String slurmCpus) {
    if (requested < 0) {
      throw new IllegalArgumentException("thread count must not be negative, got " + requested);
    }
    if (requested > 0 || slurmCpus == null || slurmCpus.isBlank()) {
      return requested;
    }
    try {
      int cpus = Integer.parseInt(slurmCpus.trim());
      if (cpus > 0) {
        return cpus;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(SLURM_CPUS + " must be a positive number of CPUs, got '" + slurmCpus + "'");
  }

  /** How the count reads in a log line, e.g. {@code 2 (SLURM_CPUS_PER_TASK)} or {@code every core}. */
  public static String describe(int requested) {
    int n = resolve(requested);
    return n == 0 ? "every core" : n + (requested == 0 ? " (" + SLURM_CPUS + ")" : "");
  }
}
