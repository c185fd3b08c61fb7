package org.gansuite.bench.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.bench.tables.Outputs;
import org.gansuite.core.UserError;

/**
 * A Slurm job-array script that runs a reproduction matrix in {@code n} shards, each task calling
 * {@code bin/gan-bench reproduce ... --shard $SLURM_ARRAY_TASK_ID/n} on a shared run folder.
 */
public final class SlurmScript {

  private SlurmScript() {}

  /** @param args the reproduce command's own arguments; --slurm and --shards are dropped */
  public static void write(Path file, int shards, List<String> args) throws IOException {
    if (shards < 1) {
      throw new UserError("--shards must be positive, got " + shards);
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--slurm") || a.equals("--shards") || a.equals("--shard")) {
        i++;
      } else if (!a.startsWith("--slurm=") && !a.startsWith("--shards=") && !a.startsWith("--shard=")) {
        kept.add("'" + a.replace("'", "'\\''") + "'");
      }
    }
    String script = "#!/bin/bash\n"
        + "#SBATCH --job-name=gansuite\n"
        + "#SBATCH --array=0-" + (shards - 1) + "\n"
        + "#SBATCH --cpus-per-task=8\n"
        + "#SBATCH --output=gansuite-%A_%a.log\n"
        + "# Each task runs one shard of the matrix into the shared run folder; finished runs are skipped,\n"
        + "# partial ones resume. When all tasks are done, build the tables once with bin/gan-bench merge.\n"
        + "set -euo pipefail\n"
        + "cd \"${SLURM_SUBMIT_DIR:-.}\"\n"
        + "bin/gan-bench " + String.join(" ", kept) + " --no-progress --shard \"${SLURM_ARRAY_TASK_ID}/" + shards + "\"\n";
    Outputs.text(file, script);
    file.toFile().setExecutable(true);
  }
}
