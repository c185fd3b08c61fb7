package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.runs.RunFolder;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.testing.TinyDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.gansuite.metrics.ClarityDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reproduce and merge end to end on a tiny image folder, the test-only tiny-gan and test-pixel-moments extractor. */
class ReproduceTest {

  @TempDir Path tmp;
  Path images;

  @BeforeEach
  void data() throws Exception {
    images = Cli.tinyImages(tmp);
  }

  /** The tiny protocol: tiny-gan on {@code images}, one iteration, scored on pixel moments. */
  static List<String> tiny(Path images, Path runs, Path out) {
    return List.of("reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--runs",
        runs.toString(), "--out", out.toString(), "--budget-images", "64", "--samples", "40", "--extractor",
        "test-pixel-moments", "--no-progress");
  }

  /** The tiny protocol on one thread. */
  private String[] args(Path runs, Path out, String... extra) {
    List<String> a = new ArrayList<>(tiny(images, runs, out));
    a.addAll(List.of("--threads", "1"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  void writesTablesAndReportAndSkipsFinishedRuns() throws Exception {
    Path runs = tmp.resolve("runs");
    Path out = tmp.resolve("out");
    var first = CliTest.run(args(runs, out));
    assertEquals(0, first.code(), first.err() + first.out());
    String md = Files.readString(out.resolve("table.md"));
    // No paper values in the quick protocol: those columns are left out.
    assertTrue(md.startsWith("| model | runs | epochs | GFLOP | objective | params ×10^6 | IS | FID | KID ×10^3 | precision "
        + "| recall | density | coverage | modes | clarity | diff | flag |\n"), md);
    var rows = md.lines().filter(l -> l.startsWith("| tiny-gan") || l.startsWith("| training set")).toList();
    assertEquals(2, rows.size(), md);
    assertTrue(rows.get(0).startsWith("| tiny-gan | 1/1 | 0.67 | 0.01 | JS | 0.02 |"), rows.get(0));
    // Two iterations (64 images in the quick protocol's batches of 32) do not move the tiny GAN's
    // FID (pixel moments): flagged, with both values.
    assertTrue(rows.get(0).matches(".*\\| not learned \\(FID [0-9.]+ at iteration 0, [0-9.]+ at 2\\) \\|"), rows.get(0));
    assertTrue(md.contains("Protocol (table quick): data tiny (96 images 8x8x3"), md);
    assertTrue(md.contains("40 generated samples per run"), md);
    assertTrue(md.contains("not comparable to the paper's values"), md);
    // The training-set row under every reading of clarity; no paper value in the quick protocol, so no "nearest".
    assertTrue(md.contains("Training-set clarity under every candidate reading (mean over its 40 images") && !md.contains("Nearest"), md);
    assertTrue(md.contains("| statistic | kernel 4 | kernel 8 | kernel 141 |\n|---|---|---|---|\n| var |"), md);
    assertTrue(Files.readString(out.resolve("clarity.csv")).startsWith("\"model\",\"var_k4_mean\",\"var_k4_diff\",\"var_k8_mean\""));
    String csv = Files.readString(out.resolve("table.csv"));
    assertTrue(csv.startsWith("\"model\",\"runs\",\"completed\",\"epochs\",\"gflop\",\"preparation_gflop\",\"objective\",\"params_gd\",\"params_extra\","
        + "\"is_mean\",\"is_std\",\"fid\",\"fid_std\",\"kid\",\"kid_std\",\"precision\",\"precision_std\",\"recall\","
        + "\"recall_std\",\"density\",\"density_std\",\"coverage\",\"coverage_std\",\"modes\",\"clarity_mean\",\"clarity_std\","
        + "\"clarity_diff\",\"clarity_diff_std\",\"flag\",\"failure\"\n"), csv);
    assertTrue(csv.matches("(?s).*\n\"tiny-gan\",\"1\",\"1\",\"0.6666666666666666\",\"[0-9.E-]+\",\"0.0\",\"JS\",\"15777\",\"0\",.*"), csv);
    assertTrue(Files.readString(out.resolve("curves.csv")).startsWith("\"model\",\"seed\",\"iteration\",\"images\",\"gflop\",\"seconds\",\"fid\",\"kid\"\n\"tiny-gan\",\"1\",\"0\",\"0\","), "curves.csv");
    assertTrue(Files.readString(out.resolve("report/index.html")).contains("<img src=\"img/fid.png\">"));
    assertTrue(Files.size(out.resolve("report/img/tiny-gan-seed-1-losses.png")) > 0);

    // How the matrix ran (--slurm-cpus, --shard ...) is no part of its configuration.
    String config = Files.readString(runs.resolve("quick/tiny").resolve(ConfigFile.FILE));
    assertTrue(config.contains("models:") && !config.contains("slurm") && !config.contains("sbatch"), config);

    Path run = runs.resolve("quick/tiny/tiny-gan/seed-1");
    var stored = RunResult.read(run.resolve("result.json"));
    assertEquals(RunResult.Status.COMPLETED, stored.status());
    assertEquals(40, stored.evaluation().n());
    // tiny-gan at 8x8x3 (folders decode to RGB): G 100*32+32 + 32*192+192, D 192*32+32 + 32+1
    assertEquals(9568L + 6209L, stored.parameters().values().stream().mapToLong(Long::longValue).sum());

    var again = CliTest.run(args(runs, out));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("tiny-gan seed 1: stored result (completed), skipped"), again.out());

    // An interrupted run (no result, newest checkpoint lost) resumes and reaches the same numbers.
    Files.delete(run.resolve("result.json"));
    var resumed = CliTest.run(args(runs, out));
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(stored.evaluation().fid(), RunResult.read(run.resolve("result.json")).evaluation().fid(), 1e-9);
  }

  @Test
  void shardsMergeIntoTheSingleRunTable() throws Exception {
    var single = CliTest.run(args(tmp.resolve("one"), tmp.resolve("one-out"), "--seeds", "2"));
    assertEquals(0, single.code(), single.err());
    for (int i = 0; i < 2; i++) {
      var shard = CliTest.run(args(tmp.resolve("shard" + i), tmp.resolve("unused"), "--seeds", "2", "--shard", i + "/2"));
      assertEquals(0, shard.code(), shard.err());
      assertTrue(shard.out().contains("shard " + i + "/2"), shard.out());
    }
    var merged = CliTest.run("merge", "--table", "quick", "--runs", tmp.resolve("shard0/quick").toString(),
        "--runs", tmp.resolve("shard1/quick").toString(), "--out", tmp.resolve("merged").toString());
    assertEquals(0, merged.code(), merged.err());
    assertEquals(Files.readString(tmp.resolve("one-out/table.md")), Files.readString(tmp.resolve("merged/table.md")));
    assertTrue(Files.readString(tmp.resolve("merged/table.md")).contains("| tiny-gan | 2/2 |"));

    // Another reading of clarity from the same stored results: the columns change, nothing is re-scored.
    var std8 = CliTest.run("report", "--table", "quick", "--runs", tmp.resolve("one/quick").toString(),
        "--out", tmp.resolve("std8").toString(), "--clarity", "std", "--clarity-kernel", "8");
    assertEquals(0, std8.code(), std8.err());
    var training = RunResult.read(tmp.resolve("one/quick/tiny/training-set/seed-0/result.json"));
    var reading = new ClarityDefinition(ClarityDefinition.Statistic.STD, ClarityDefinition.Kernel.EIGHT);
    String md = Files.readString(tmp.resolve("std8/table.md"));
    String row = md.lines().filter(l -> l.startsWith("| training set |")).findFirst().orElseThrow();
    var c = training.evaluation().clarity(reading);
    String cell = String.format(java.util.Locale.ROOT, "| %.2f | %.2f |", c.generated().mean(), c.diff());
    assertTrue(row.contains(cell), cell + " in " + row);
    assertTrue(md.contains("clarity = population standard deviation of the response (R.std()) of the 8-neighbour Laplacian")
        && md.contains("(--clarity std --clarity-kernel 8)"), md);
    assertTrue(md.contains("the table above shows std 8)"), md);
    var bad = CliTest.run("report", "--table", "quick", "--runs", tmp.resolve("one/quick").toString(),
        "--out", tmp.resolve("bad").toString(), "--clarity-kernel", "5");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("--clarity-kernel: unknown clarity kernel '5'; choose from 4, 8, 141"), bad.err());
  }

  @Test
  void writesASlurmArrayThatSubmitsItselfAndTheTableBuild() throws Exception {
    Path script = tmp.resolve("table.sbatch");
    Path runs = tmp.resolve("runs");
    Path out = tmp.resolve("out");
    var r = CliTest.run(args(runs, out, "--slurm", script.toString(), "--shards", "3", "--slurm-cpus", "4",
        "--slurm-mem", "16G", "--slurm-time", "1-12", "--slurm-gpus", "2", "--slurm-partition", "gpu",
        "--slurm-account", "proj1", "--sbatch", "--qos=long", "--sbatch=--constraint=a100"));
    assertEquals(0, r.code(), r.err());
    String launcher = Path.of("").toAbsolutePath().getParent().resolve("bin/gan-bench").toString();
    String report = launcher + " report --table quick --runs " + runs.resolve("quick/tiny") + " --out " + out;
    assertEquals("wrote " + script + ": a Slurm job array of 3 tasks (4 CPUs each), one shard of the matrix each\n"
        + "submit it and the job that then builds the tables in " + out + ": bash " + script + "\n"
        + "or by hand: sbatch " + script + ", and once every task is done: " + report + "\n", r.out());
    List<String> lines = Files.readAllLines(script);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String launch = lines.stream().filter(l -> l.startsWith("gan_bench() { ")).findFirst().orElseThrow();
    // The jobs run the class path of the JVM that wrote the script: here the tests' own, with test-pixel-moments.
    assertTrue(launch.startsWith("gan_bench() { '" + java + "' ${JAVA_OPTS:-} -cp '"), launch);
    assertTrue(launch.contains(Path.of("target/test-classes").toAbsolutePath() + ":"), launch);
    assertTrue(launch.endsWith("' org.gansuite.bench.cli.Main \"$@\"; }"), launch);
    String task = "'reproduce' '--models' 'tiny-gan' '--data' 'folder:" + images + "' '--no-cache' '--runs' '" + runs
        + "' '--out' '" + out + "' '--budget-images' '64' '--samples' '40' '--extractor' 'test-pixel-moments' "
        + "'--no-progress' '--threads' '1' '--device' '/GPU:0'";
    assertEquals(List.of(
        "#!/bin/bash",
        "#SBATCH --job-name=gansuite-quick",
        "#SBATCH --array=0-2",
        "#SBATCH --output=\"" + tmp.resolve("gansuite-quick") + "-%A_%a.log\"",
        "#SBATCH --cpus-per-task=4",
        "#SBATCH --mem=16G",
        "#SBATCH --gres=gpu:2",
        "#SBATCH --time=1-12",
        "#SBATCH --partition=gpu",
        "#SBATCH --account=proj1",
        "#SBATCH --qos=long",
        "#SBATCH --constraint=a100",
        "# Written by gan-bench reproduce --slurm: task i runs shard i/3 of the matrix into the shared run folder.",
        "# On the login node, `bash table.sbatch` submits this array and, after it,",
        "# the job that builds the tables (--dependency=afterok: once every task has succeeded);",
        "# `sbatch table.sbatch` submits the array alone, `bash table.sbatch merge` builds the tables here.",
        "# Finished runs are skipped and partial ones resume: resubmitting redoes only what is missing.",
        "set -euo pipefail",
        "cd '" + Path.of("").toAbsolutePath() + "'",
        "export TF_CPP_MIN_LOG_LEVEL=\"${TF_CPP_MIN_LOG_LEVEL:-2}\"",
        "export TF_ENABLE_ONEDNN_OPTS=\"${TF_ENABLE_ONEDNN_OPTS:-1}\"",
        launch,
        "if [[ \"${1:-}\" == merge ]]; then",
        "  gan_bench 'report' '--table' 'quick' '--runs' '" + runs.resolve("quick/tiny") + "' '--out' '" + out + "'",
        "elif [[ -n \"${SLURM_ARRAY_TASK_ID:-}\" ]]; then",
        "  gan_bench " + task + " --shard \"${SLURM_ARRAY_TASK_ID}/3\"",
        "else",
        "  array=$(sbatch --parsable '" + script + "')",
        "  array=${array%%;*}",
        "  merge=$(sbatch --parsable --dependency=afterok:\"$array\" <<'MERGE'",
        "#!/bin/bash",
        "#SBATCH --job-name=gansuite-quick-merge",
        "#SBATCH --output=\"" + tmp.resolve("gansuite-quick") + "-merge-%j.log\"",
        "#SBATCH --time=1-12",
        "#SBATCH --partition=gpu",
        "#SBATCH --account=proj1",
        "#SBATCH --qos=long",
        "#SBATCH --constraint=a100",
        "exec bash '" + script + "' merge",
        "MERGE",
        "  )",
        "  merge=${merge%%;*}",
        "  echo \"submitted job array $array (3 tasks) and job $merge (once every task has succeeded), which writes the "
            + "tables to \"'" + out + "'\"; logs: \"'" + tmp.resolve("gansuite-quick") + "-*.log'",
        "fi"), lines);
    assertTrue(Files.isExecutable(script));
    assertTrue(!Files.exists(runs), "writing the script runs nothing");
    // bash reads it as intended: the syntax holds.
    var check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    assertEquals(0, check.waitFor(), new String(check.getInputStream().readAllBytes()));
  }

  @Test
  void slurmDefaultsAskForOneCpuAndNothingTheClusterDecides() throws Exception {
    Path script = tmp.resolve("s.sbatch");
    var r = CliTest.run(args(tmp.resolve("runs"), tmp.resolve("out"), "--slurm", script.toString(), "--shards", "2"));
    assertEquals(0, r.code(), r.err());
    var sbatch = Files.readAllLines(script).stream().filter(l -> l.startsWith("#SBATCH")).toList();
    String logs = tmp.resolve("gansuite-quick").toString();
    assertEquals(List.of("#SBATCH --job-name=gansuite-quick", "#SBATCH --array=0-1", "#SBATCH --output=\"" + logs + "-%A_%a.log\"",
        "#SBATCH --cpus-per-task=1", "#SBATCH --job-name=gansuite-quick-merge", "#SBATCH --output=\"" + logs + "-merge-%j.log\""),
        sbatch);
    assertTrue(Files.readString(script).contains("'--threads' '1' --shard \"${SLURM_ARRAY_TASK_ID}/2\"\n"), "no --device added");
  }

  @Test
  void malformedSlurmOptionsAreUsageErrorsNamingTheOption() {
    String script = tmp.resolve("x.sbatch").toString();
    String[][] cases = {
        {"--shards", "0", "--shards must be positive, got 0"},
        {"--slurm-cpus", "0", "--slurm-cpus must be a positive number of CPUs per task, got 0"},
        {"--slurm-cpus", "two", "Invalid value for option '--slurm-cpus': 'two' is not an int"},
        {"--slurm-mem", "4 GB", "--slurm-mem must be a size such as 16G or 4000M (a number with an optional K, M, G or T), got '4 GB'"},
        {"--slurm-time", "2h", "--slurm-time must be a Slurm time limit such as 90 (minutes), 2:00:00 or 1-12 (days-hours), got '2h'"},
        {"--slurm-gpus", "-1", "--slurm-gpus must not be negative, got -1"},
        {"--slurm-partition", "a b", "--slurm-partition must be one partition name (or a comma-separated list) without blanks, got 'a b'"},
        {"--slurm-account", "", "--slurm-account must be one account name without blanks, got ''"},
        {"--sbatch", "--qos=long\nrm -rf /", "--sbatch must be one sbatch option on one line, without '#SBATCH', such as --qos=long, got '--qos=long\\nrm -rf /'"},
        {"--sbatch", "#SBATCH --qos=long", "--sbatch must be one sbatch option on one line, without '#SBATCH', such as --qos=long, got '#SBATCH --qos=long'"},
    };
    for (String[] c : cases) {
      var r = CliTest.run(args(tmp.resolve("runs"), tmp.resolve("out"), "--slurm", script, c[0], c[1]));
      assertEquals(2, r.code(), c[0] + " " + c[1] + ": " + r.err());
      assertEquals(c[2], r.err().lines().findFirst().orElse(""), c[0]);
      assertTrue(!Files.exists(Path.of(script)), c[0]);
    }
    var cpu = CliTest.run(args(tmp.resolve("runs"), tmp.resolve("out"), "--slurm", script, "--slurm-gpus", "1", "--device", "cpu"));
    assertEquals(2, cpu.code(), cpu.err());
    assertTrue(cpu.err().startsWith("--slurm-gpus 1 with --device /CPU:0: the tasks would leave their GPUs idle\n"), cpu.err());
    var t1 = CliTest.run("reproduce", "--table", "1", "--slurm", script);
    assertEquals(2, t1.code(), t1.err());
    assertTrue(t1.err().startsWith("--slurm does not apply to table 1"), t1.err());
  }

  /** Table 1 end to end: a short auto-encoder pre-training, then PSNR/SSIM of every image, beside the paper's. */
  @Test
  void reconstructionTableScoresEveryImage() throws Exception {
    Path faces = tmp.resolve("faces");
    ImageWriter.writeFolder(faces, TinyDatasets.gradients(64, new ImageShape(16, 16, 1), 9), 64);
    Path out = tmp.resolve("t1");
    var r = CliTest.run("reproduce", "--table", "1", "--data", "folder:" + faces, "--no-cache", "--epochs", "1",
        "--runs", tmp.resolve("runs1").toString(), "--out", out.toString(), "--no-progress", "--threads", "1");
    assertEquals(0, r.code(), r.err() + r.out());
    String md = Files.readString(out.resolve("table.md"));
    assertTrue(md.startsWith("| data | metric | mean | std | min | max |"), md);
    assertTrue(md.contains("| faces (ours) | PSNR |"), md);
    assertTrue(md.contains("| CIFAR-10 (paper) | PSNR | 46.219 | 6.117 | 28.189 | 66.779 |"), md);
    assertTrue(md.contains("every one of the 64 images of faces"), md);
    var stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        tmp.resolve("runs1/1/faces/reconstruction.json").toFile());
    double mean = stored.get("psnr").get("mean").asDouble();
    assertTrue(mean > 5 && mean < 60, "PSNR mean " + mean);
    assertTrue(stored.get("psnr").get("min").asDouble() <= mean && mean <= stored.get("psnr").get("max").asDouble());
    double ssim = stored.get("ssim").get("mean").asDouble();
    assertTrue(ssim > -1 && ssim <= 1, "SSIM mean " + ssim);
  }

  @Test
  void lockedRunFoldersAndBadArgumentsAreRefused() throws Exception {
    Path runs = tmp.resolve("runs");
    try (var held = RunFolder.lock(runs.resolve("quick/tiny/tiny-gan/seed-1"))) {
      var r = CliTest.run(args(runs, tmp.resolve("out")));
      assertEquals(1, r.code());
      assertTrue(r.err().contains("is being written by another process"), r.err());
    }
    var shard = CliTest.run(args(runs, tmp.resolve("out"), "--shard", "2/2"));
    assertEquals(1, shard.code());
    assertTrue(shard.err().contains("shard must be i/n with 0 <= i < n"), shard.err());
    var table = CliTest.run("reproduce", "--table", "9", "--data", "folder:" + images, "--extractor", "test-pixel-moments");
    assertEquals(2, table.code());
    assertTrue(table.err().contains("no comparison table 9"), table.err());
    var needsData = CliTest.run("reproduce", "--table", "6");
    assertEquals(1, needsData.code());
    assertTrue(needsData.err().contains("--data cifar10:DIR"), needsData.err());
    var merge = CliTest.run("merge", "--table", "quick", "--runs", tmp.resolve("absent").toString(), "--out", "x");
    assertEquals(1, merge.code());
    assertTrue(merge.err().contains("absent: no such run folder"), merge.err());
  }
}
