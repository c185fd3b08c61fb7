package org.gansuite.bench.cli;

import static org.gansuite.bench.cli.ScoreCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gansuite.bench.results.RunResult;
import org.gansuite.bench.runs.RunFolder;
import org.gansuite.core.testing.Bombs;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.io.Npz;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** Careless and hostile input on the command line: one line naming the file or option, the right exit code, nothing lost. */
class HostileInputTest {

  @TempDir Path tmp;
  Path images;

  @BeforeEach
  void data() throws Exception {
    images = Cli.tinyImages(tmp);
  }

  private String[] train(Path dir, String... extra) {
    return Cli.train(images, dir, 2, extra);
  }

  @Test
  void trainLocksItsRunFolder() throws Exception {
    Path dir = tmp.resolve("run");
    try (var held = RunFolder.lock(dir)) {
      assertError(Cli.run(train(dir)), "gan-bench: run folder " + dir + " is being written by another process (locked)");
    }
    assertFalse(Files.exists(dir.resolve("log.jsonl")), "the refused process wrote nothing");
    var r = Cli.run(train(dir));
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isDirectory(dir.resolve("checkpoints/ckpt-0000000002")));
  }

  @Test
  void aRefusedTrainLeavesNoRunFolder() {
    Path dir = tmp.resolve("run");
    var r = Cli.run(train(dir, "--device", "/GPU:7"));
    assertEquals("code " + Main.FAILED + "\n" + "gan-bench: device /GPU:7 is not on this machine (TensorFlow lists /CPU:0; "
        + "'auto' takes a GPU only when there is one)\n", "code " + r.code() + "\n" + r.err());
    assertFalse(Files.exists(dir));
    assertError(Cli.run(train(dir, "--batch", "128")), "has 96 images, fewer than one iteration needs (1 batches of 128)");
    assertFalse(Files.exists(dir));
    assertError(Cli.run(train(dir, "--extractor", "inception-2015-12-05", "--weights", tmp.resolve("absent.pb").toString(),
        "--eval-every", "1")), "absent.pb: no such file");
    assertFalse(Files.exists(dir));
    Path runs = tmp.resolve("runs");
    assertError(Cli.run("reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--runs",
        runs.toString(), "--extractor", "inception-2015-12-05", "--weights", tmp.resolve("absent.pb").toString()),
        "absent.pb: no such file");
    assertFalse(Files.exists(runs));
  }

  @Test
  void negativeCountsAreUsageErrorsNamingTheOption() {
    Path dir = tmp.resolve("run");
    var r = Cli.run(train(dir, "--checkpoint-every", "-1"));
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("--checkpoint-every must not be negative, got -1\n"), r.err());
    r = Cli.run("reproduce", "--models", "tiny-gan", "--epochs", "-3");
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("--epochs must not be negative, got -3\n"), r.err());
    r = Cli.run(train(dir, "--seed", "-5", "--max-image-pixels", "0"));
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("--max-image-pixels must be positive, got 0\n"), r.err());
    assertFalse(Files.exists(dir));
    assertError(Cli.run("reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--samples", "1"),
        "gan-bench: --samples must be at least 10, got 1");
  }

  @Test
  void weightsThatAreMissingAFolderOrUnsafeAreOneLine() throws Exception {
    Path missing = tmp.resolve("missing.pb");
    String[] fid = {"fid", images.toString(), images.toString(), "--extractor", "inception-2015-12-05", "--weights"};
    assertError(Cli.run(concat(fid, missing.toString())),
        "gan-bench: " + missing + ": no such file, expected the graph file classify_image_graph_def.pb (--weights)");
    assertError(Cli.run(concat(fid, tmp.toString())),
        "gan-bench: " + tmp + ": a folder, not the graph file classify_image_graph_def.pb (--weights)");
    Path evil = tmp.resolve("evil.pb");
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      tf.withName("sneaky").io.writeFile(tf.constant("/tmp/owned"), tf.constant("x"));
      Files.write(evil, g.toGraphDef().toByteArray());
    }
    assertError(Cli.run(concat(fid, evil.toString())), "gan-bench: " + evil + ": op 'WriteFile' (node 'sneaky'");
  }

  @Test
  void aCovarianceThatIsNotOneIsOneLineNamingTheFiles() throws Exception {
    Path a = tmp.resolve("a.npz");
    Path b = tmp.resolve("b.npz");
    Npz.writeStats(a, new FeatureStats(10, new double[] {0, 0}, new double[] {1, 0, 0, 1}));
    // Eigenvalues 3 and -1: no covariance, and no offset on the diagonal makes it one.
    Npz.writeStats(b, new FeatureStats(10, new double[] {0, 0}, new double[] {1, 2, 2, 1}));
    assertError(Cli.run("fid", a.toString(), b.toString()), "gan-bench: " + a + ", " + b + ": FID is not finite");
  }

  @Test
  void anImageBombIsRefusedNamingTheFile() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("bombs"));
    Path bomb = Files.write(folder.resolve("bomb.png"), Bombs.png(100_000, 100_000, 30));
    assertError(Cli.run("score", "--images", folder.toString()),
        "gan-bench: " + bomb + ": the header says 100000 x 100000 pixels (10,000,000,000), above the limit of 50,000,000; "
            + "--max-image-pixels raises it");
    Path small = Files.write(folder.resolve("bomb.png"), Bombs.png(16, 16, 16));
    assertError(Cli.run("score", "--images", folder.toString(), "--max-image-pixels", "100"),
        "gan-bench: " + small + ": the header says 16 x 16 pixels (256), above the limit of 100");
    assertEquals(0, Cli.run("score", "--images", folder.toString()).code(), "the limit was for that call only");
  }

  @Test
  void anEnvironmentFailureIsNotStoredAndTheNextRunRetriesIt() throws Exception {
    Path runs = tmp.resolve("runs");
    String[] args = {"reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--runs",
        runs.toString(), "--out", tmp.resolve("out").toString(), "--budget-images", "64", "--samples", "40",
        "--eval-samples", "0", "--extractor", "test-pixel-moments", "--no-progress", "--threads", "1"};
    Path run = runs.resolve("quick/tiny/tiny-gan/seed-1");
    // A file where the checkpoints go: every checkpoint write fails, as on a full or broken disk.
    Files.createDirectories(run);
    Files.writeString(run.resolve("checkpoints"), "in the way");
    var first = Cli.run(args);
    assertEquals(Main.FAILED, first.code(), first.out());
    assertTrue(first.err().startsWith("gan-bench: 1 of the runs stopped for reasons of the environment and are not "
        + "stored; rerunning the command retries them: tiny-gan seed 1 ("), first.err());
    assertFalse(Files.exists(run.resolve(RunResult.FILE)), "no permanent failure stored");
    Files.delete(run.resolve("checkpoints"));
    var second = Cli.run(args);
    assertEquals(0, second.code(), second.err());
    assertEquals(RunResult.Status.COMPLETED, RunResult.read(run.resolve(RunResult.FILE)).status());
  }

  @Test
  void aRunWhoseProcessIsGoneIsListedAsInterrupted() throws Exception {
    Path runs = tmp.resolve("runs");
    Path run = Files.createDirectories(runs.resolve("a/seed-1"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(run.resolve("status.json"), "{\"status\": \"running\", \"iteration\": 4, \"host\": \""
        + java.net.InetAddress.getLocalHost().getHostName() + "\", \"pid\": " + gone.pid() + ", \"process_start\": \"\"}");
    var r = Cli.run("runs", "--runs", runs.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("a/seed-1 +4 +interrupted *")), r.out());
  }

  private static String[] concat(String[] a, String last) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }
}
