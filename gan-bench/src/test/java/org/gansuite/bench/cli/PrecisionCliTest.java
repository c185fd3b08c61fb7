package org.gansuite.bench.cli;

import static org.gansuite.bench.cli.ScoreCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gansuite.bench.protocol.Protocol;
import org.gansuite.bench.protocol.Table;
import org.gansuite.bench.runs.Runner;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.device.ComputeDevice;
import org.gansuite.core.device.CpuInfo;
import org.gansuite.core.device.MixedPrecision;
import org.gansuite.core.device.Precision;
import org.gansuite.core.model.ModelRegistry;
import org.gansuite.core.train.Checkpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --precision} on the command line: refused combinations are usage errors naming the option,
 * {@code auto} says what it chose, a precision TensorFlow would not apply in this process is one line
 * saying how to get it, and nothing is written before those checks.
 */
class PrecisionCliTest {

  @TempDir Path tmp;
  Path images;

  @BeforeEach
  void data() throws Exception {
    images = Cli.tinyImages(tmp);
  }

  private String[] train(Path dir, String... extra) {
    List<String> a = new ArrayList<>(List.of("--device", "cpu"));
    a.addAll(List.of(extra));
    return Cli.train(images, dir, 1, a.toArray(String[]::new));
  }

  @Test
  void refusedPrecisionsAreUsageErrorsAndWriteNothing() {
    Path dir = tmp.resolve("run");
    var fp16 = Cli.run(train(dir, "--precision", "fp16"));
    assertEquals(Main.USAGE, fp16.code(), fp16.err());
    assertTrue(fp16.err().startsWith("--precision fp16 needs a GPU: TensorFlow's float16 rewrite converts only ops on a "
        + "CUDA GPU, and this run is on /CPU:0 (use bf16 or fp32 on a CPU)\n"), fp16.err());
    var unknown = Cli.run(train(dir, "--precision", "int8"));
    assertEquals(Main.USAGE, unknown.code(), unknown.err());
    assertTrue(unknown.err().startsWith("--precision must be fp32, bf16, fp16 or auto, got 'int8'\n"), unknown.err());
    assertFalse(Files.exists(dir));

    var slurmAuto = Cli.run("reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--runs",
        tmp.resolve("runs"), "--precision", "auto", "--slurm", tmp.resolve("x.sbatch"), "--shards", "2");
    assertEquals(Main.USAGE, slurmAuto.code(), slurmAuto.err());
    assertTrue(slurmAuto.err().startsWith("--precision auto with --slurm (each task's machine would choose): name the "
        + "precision (fp32, bf16 or fp16)\n"), slurmAuto.err());
    var table1 = Cli.run("reproduce", "--table", "1", "--precision", "bf16", "--runs", tmp.resolve("runs"));
    assertEquals(Main.USAGE, table1.code(), table1.err());
    assertTrue(table1.err().startsWith("--precision bf16 does not apply to table 1"), table1.err());
    assertFalse(Files.exists(tmp.resolve("runs")));
    assertFalse(Files.exists(tmp.resolve("x.sbatch")));
  }

  /** On this CPU auto says what it chose and why, and trains in it; fp32 needs no key in the run's configuration. */
  @Test
  void autoSaysWhatItChose() throws Exception {
    Path dir = tmp.resolve("auto");
    var r = Cli.run(train(dir, "--precision", "auto", "--max-iterations", "2"));
    var cpu = CpuInfo.local();
    if (cpu.bf16()) {
      assertTrue(r.err().startsWith("gan-bench: precision auto: bf16 (the CPU, " + cpu.model() + ", has "), r.err());
      return; // bf16 here needs oneDNN on, which TensorFlow turns on by default on such a CPU
    }
    assertEquals(0, r.code(), r.err());
    assertEquals("gan-bench: precision auto: fp32 (the CPU, " + cpu.model() + ", has neither avx512_bf16 nor amx_bf16: "
        + "bfloat16 would be emulated and slower)\n", r.err());
    assertTrue(r.out().contains(", precision fp32; run folder "), r.out());
    var state = Checkpoints.readState(new Checkpoints(dir.resolve("checkpoints"), 3).latest().orElseThrow());
    assertEquals(null, state.config().get("precision"));
    assertTrue(Files.readString(dir.resolve(ConfigFile.FILE)).contains("precision: \"auto\""),
        "the stored options repeat the choice, not its result");
  }

  /**
   * bf16 in this JVM: where TensorFlow's oneDNN operations are off (TensorFlow's default on CPUs
   * without AVX512-VNNI/BF16, AVX-VNNI or AMX, and the test JVM sets no TF_ENABLE_ONEDNN_OPTS) one
   * line saying how to turn them on, after the warning that bf16 is emulated, and no run folder;
   * where they are on, a bf16 run in its own default folder with its precision on record.
   */
  @Test
  void bf16IsRefusedInOneLineWhereTensorFlowWouldNotApplyIt() throws Exception {
    Path dir = tmp.resolve("bf16");
    var r = Cli.run(train(dir, "--precision", "bf16", "--max-iterations", "2"));
    if (MixedPrecision.oneDnnOn(ComputeDevice.CPU)) {
      assertEquals(0, r.code(), r.err());
      var state = Checkpoints.readState(new Checkpoints(dir.resolve("checkpoints"), 3).latest().orElseThrow());
      assertEquals("bf16", state.config().get("precision"));
      return;
    }
    assertEquals(Main.FAILED, r.code(), r.err());
    List<String> lines = r.err().strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("gan-bench: precision bf16 is not available here: TensorFlow ran the graph in float32 "
        + "because its oneDNN custom operations, and with them its bfloat16 pass, are off in this process"), last);
    assertTrue(last.contains("set TF_ENABLE_ONEDNN_OPTS=1 before starting Java"), last);
    if (!CpuInfo.local().bf16()) {
      assertEquals(2, lines.size(), r.err());
      assertTrue(lines.get(0).startsWith("gan-bench: warning: precision bf16 on a CPU without bfloat16 instructions"),
          lines.get(0));
    }
    assertEquals("", r.out());
    assertFalse(Files.exists(dir));
  }

  @Test
  void runsBelowFp32LiveInATableFolderOfTheirOwn() {
    var data = new InMemoryDataset("tiny-data", new ImageShape(8, 8, 1), new byte[64]);
    var protocol = Protocol.of(Table.QUICK, ModelRegistry.load(), 1);
    Path root = Path.of("runs");
    assertEquals(Path.of("runs", "quick", "tiny-data"), Runner.tableDir(root, protocol, data));
    assertEquals(Path.of("runs", "quick", "tiny-data"), Runner.tableDir(root, protocol, data, Precision.FP32));
    assertEquals(Path.of("runs", "quick", "tiny-data-bf16"), Runner.tableDir(root, protocol, data, Precision.BF16));
    assertEquals(Path.of("runs", "quick", "tiny-data-fp16"), Runner.tableDir(root, protocol, data, Precision.FP16));
  }

  @Test
  void perfRefusesWhatTrainRefuses() {
    var r = Cli.run("perf", "--models", "tiny-gan", "--shapes", "8x8x1", "--device", "cpu", "--precision", "fp32,fp16",
        "--no-metrics");
    assertEquals(Main.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("--precision fp16 needs a GPU"), r.err());
    assertEquals("", r.out());
    assertError(Cli.run("perf", "--models", "nosuchgan", "--precision", "fp32"), "nosuchgan");
  }

  /** A --slurm script's tasks run with TensorFlow's oneDNN operations on, bf16 into the bf16 table folder. */
  @Test
  void slurmScriptTurnsOneDnnOnAndNamesTheBf16Folder() throws Exception {
    Path runs = tmp.resolve("runs");
    for (String p : List.of("bf16", "fp32")) {
      Path script = tmp.resolve(p + ".sbatch");
      var r = Cli.run("reproduce", "--models", "tiny-gan", "--data", "folder:" + images, "--no-cache", "--runs", runs,
          "--precision", p, "--slurm", script, "--shards", "2");
      assertEquals(0, r.code(), r.err());
      List<String> lines = Files.readAllLines(script);
      boolean export = lines.contains("export TF_ENABLE_ONEDNN_OPTS=\"${TF_ENABLE_ONEDNN_OPTS:-1}\"");
      assertTrue(export, String.join("\n", lines));
      String folder = runs.resolve("quick").resolve(p.equals("bf16") ? "tiny-bf16" : "tiny").toString();
      assertTrue(lines.stream().anyMatch(l -> l.startsWith("  gan_bench 'report' ") && l.contains("'" + folder + "'")),
          String.join("\n", lines));
      assertTrue(lines.stream().anyMatch(l -> l.contains("'--precision' '" + p + "'")), "the tasks keep the option");
    }
    assertFalse(Files.exists(runs), "writing the script runs nothing");
  }
}
