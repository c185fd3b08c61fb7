package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --slurm} on a real Slurm: a one-node cluster of the test's own ({@link LocalSlurm})
 * runs the tiny protocol's array (2 tasks of one CPU) and the merge job that the script submits
 * after it; the merged table must equal a single-process run's byte for byte. Skipped, saying why,
 * where that cluster cannot start (not root, or Debian's slurm-wlm and munge not installed).
 */
class SlurmClusterTest {

  @TempDir Path tmp;

  @Test
  void oneCommandRunsTheArrayAndTheMergeJobIntoTheSingleProcessTable() throws Exception {
    try (var slurm = LocalSlurm.start(tmp.resolve("cluster"))) {
      Path images = Cli.tinyImages(tmp);
      long start = System.nanoTime();
      var single = Cli.run(args(ReproduceTest.tiny(images, tmp.resolve("single"), tmp.resolve("single-out")), "--threads", "1"));
      assertEquals(0, single.code(), single.err());
      long singleMs = (System.nanoTime() - start) / 1_000_000;

      // No --threads: each task's TensorFlow takes the CPUs Slurm gave it.
      Path jobs = Files.createDirectories(tmp.resolve("jobs"));
      Path script = jobs.resolve("tiny.sbatch");
      Path out = tmp.resolve("slurm-out");
      var written = Cli.run(args(ReproduceTest.tiny(images, tmp.resolve("slurm-runs"), out), "--slurm", script.toString(),
          "--shards", "2"));
      assertEquals(0, written.code(), written.err());

      start = System.nanoTime();
      var submit = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
      submit.environment().putAll(slurm.environment());
      Process p = submit.start();
      String submitted = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), submitted);
      assertEquals(0, p.exitValue(), submitted);
      Matcher ids = Pattern.compile("^submitted job array (\\d+) \\(2 tasks\\) and job (\\d+) \\(once every task has "
          + "succeeded\\), which writes the tables to " + Pattern.quote(out.toString()) + "; logs: ").matcher(submitted);
      assertTrue(ids.find(), submitted);
      slurm.awaitCompleted(ids.group(2), Duration.ofMinutes(4), jobs);
      long slurmMs = (System.nanoTime() - start) / 1_000_000;

      String table = Files.readString(tmp.resolve("single-out/table.md"));
      assertEquals(table, Files.readString(out.resolve("table.md")));
      assertTrue(table.contains("| tiny-gan | 1/1 |") && table.contains("| training set | 1/1 |"), table);
      for (int task = 0; task < 2; task++) {
        String log = Files.readString(jobs.resolve("gansuite-quick-" + ids.group(1) + "_" + task + ".log"));
        assertTrue(log.contains("shard " + task + "/2: TensorFlow threads: 1 (SLURM_CPUS_PER_TASK)\n"), log);
      }
      String merge = Files.readString(jobs.resolve("gansuite-quick-merge-" + ids.group(2) + ".log"));
      assertTrue(merge.contains(table + "\nreport: " + out.resolve("report/index.html") + "\n"), merge);
      assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
      System.out.printf("tiny protocol, 2 shards: single process %d ms (in this JVM), Slurm array + merge %d ms "
          + "(submission to the merge job's end)%n", singleMs, slurmMs);
    }
  }

  private static String[] args(List<String> base, String... extra) {
    List<String> a = new ArrayList<>(base);
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }
}
