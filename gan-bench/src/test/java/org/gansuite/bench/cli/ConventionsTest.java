package org.gansuite.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;
import org.gansuite.core.testing.TinyDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's conventions: help everywhere, defaults shown, config files, the runs listing. */
class ConventionsTest {

  @TempDir Path tmp;

  static final List<String> COMMANDS = List.of("list", "train", "evaluate", "reproduce", "report", "merge", "runs",
      "status", "score", "fid", "stats", "perf");

  @Test
  void helpOnEverySubcommandExitsZeroAndShowsDefaults() {
    for (String c : COMMANDS) {
      for (String flag : List.of("--help", "-h")) {
        var r = Cli.run(c, flag);
        assertEquals(0, r.code(), c + " " + flag + ": " + r.err());
        String name = c.equals("merge") ? "report" : c.equals("status") ? "runs" : c;
        assertTrue(r.out().startsWith("Usage: gan-bench " + name), c + ": " + r.out());
        assertEquals("", r.err(), c);
      }
    }
    var train = Cli.run("train", "--help").out();
    assertTrue(train.matches("(?s).*--batch=<batch>\\s+Batch size\\.\\s+Default: 64.*"), train);
    assertTrue(train.matches("(?s).*--checkpoint-every=<checkpointEvery>\\s+Iterations between checkpoints\\.\\s+Default: 500.*"), train);
    var fid = Cli.run("fid", "--help").out();
    assertTrue(fid.contains("--extractor-batch"), fid);
    assertFalse(fid.contains("--batch="), "--batch means the training batch only: " + fid);
  }

  @Test
  void configFileGivesOptionsFlagsWinAndTheRunFolderKeepsThem() throws Exception {
    Path images = tmp.resolve("images");
    ImageWriter.writeFolder(images, TinyDatasets.gradients(64, new ImageShape(8, 8, 1), 3), 64);
    Path runDir = tmp.resolve("run");
    Path yaml = tmp.resolve("run.yaml");
    Files.writeString(yaml, "model: tiny-gan\ndata: folder:" + images + "\nno-cache: true\nbatch: 16\nepochs: 1\n"
        + "max-iterations: 3\nhp:\n  lr: 0.002\nno-progress: true\nthreads: 1\nrun-dir: " + runDir + "\n");
    var r = Cli.run("train", "--config", yaml, "--max-iterations", "2");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("after 2 iterations"), "the flag wins over the file: " + r.out());
    String stored = Files.readString(runDir.resolve(ConfigFile.FILE));
    assertTrue(stored.contains("model: \"tiny-gan\""), stored);
    assertTrue(stored.contains("max-iterations: 2"), stored);
    assertTrue(stored.contains("lr: \"0.002\""), stored);
    assertTrue(stored.contains("batch: 16"), stored);

    // The stored file repeats the run: same options, so the folder resumes (here: nothing left to do).
    var again = Cli.run("train", "--config", runDir.resolve(ConfigFile.FILE));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("after 2 iterations"), again.out());

    Path json = tmp.resolve("bad.json");
    Files.writeString(json, "{\"modle\": \"tiny-gan\"}");
    var bad = Cli.run("train", "--config", json);
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("gan-bench: " + json + ": 'modle' is not an option of train"), bad.err());
    Files.writeString(json, "{\"model\": ");
    var broken = Cli.run("train", "--config", json);
    assertEquals(2, broken.code());
    assertTrue(broken.err().contains(json + ": not a readable JSON/YAML config"), broken.err());
  }

  @Test
  void runsListsFoldersWithModelProgressStatusAndFid() throws Exception {
    Path images = tmp.resolve("images");
    ImageWriter.writeFolder(images, TinyDatasets.gradients(64, new ImageShape(8, 8, 1), 3), 64);
    Path runs = tmp.resolve("runs");
    var t = Cli.run("train", "--model", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--batch", "16",
        "--max-iterations", "4", "--no-progress", "--threads", "1", "--run-dir", runs.resolve("a"));
    assertEquals(0, t.code(), t.err());
    var e = Cli.run("evaluate", "--run-dir", runs.resolve("a"), "--data", "folder:" + images, "--no-cache",
        "--extractor", "test-pixel-moments", "--samples", "20", "--reference-samples", "64");
    assertEquals(0, e.code(), e.err());
    var r = Cli.run("runs", "--runs", runs);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("(?s)run folder +model +data +iterations +status +FID\\na +tiny-gan +images +4 +completed +[0-9]+\\.[0-9]{2}\\n.*"),
        r.out());
    assertTrue(r.out().contains("1 run folders under " + runs), r.out());
    var none = Cli.run("runs", "--runs", tmp.resolve("absent"));
    assertEquals(1, none.code());
    assertTrue(none.err().contains("absent: no such run folder"), none.err());
  }
}
