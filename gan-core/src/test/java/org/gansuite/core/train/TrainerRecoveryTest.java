package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run finds after a crash: broken checkpoints, temporaries, a stale "running" status. */
class TrainerRecoveryTest {

  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  /** 160 images in batches of 16: 10 iterations per epoch. */
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static TrainConfig.Builder config(Path dir) {
    return TrainConfig.builder(dir).setEpochs(2).optThreads(1, 1).optProgress(false).optLogEvery(1)
        .optSampleEvery(0).optCheckpointEvery(3).optKeepCheckpoints(5).optCheckpointMinutes(0);
  }

  private static TrainResult train(TrainConfig cfg) throws IOException {
    var m = new TinyGan();
    return new Trainer(m, new ModelSpec(m.name(), SHAPE, 8, 16, 42, m.defaults()), DATA, cfg).train();
  }

  private static List<String> checkpoints(Path dir) throws IOException {
    return new Checkpoints(dir.resolve("checkpoints"), 1).list().stream().map(p -> p.getFileName().toString()).toList();
  }

  private static void truncate(Path checkpoint) throws IOException {
    try (Stream<Path> s = Files.list(checkpoint)) {
      Path data = s.filter(p -> p.getFileName().toString().startsWith("model.data")).findFirst().orElseThrow();
      try (var f = new RandomAccessFile(data.toFile(), "rw")) {
        f.setLength(f.length() / 2);
      }
    }
  }

  @Test
  void aTruncatedNewestCheckpointIsPassedOverWithAWarningNamingIt() throws IOException {
    Path whole = tmp.resolve("whole");
    train(config(whole).build());
    Path dir = tmp.resolve("run");
    train(config(dir).optMaxIterations(7).build());
    assertEquals(List.of("ckpt-0000000003", "ckpt-0000000006", "ckpt-0000000007"), checkpoints(dir));
    truncate(dir.resolve("checkpoints/ckpt-0000000007"));

    List<String> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(Trainer.class.getName());
    Handler h = new Handler() {
      @Override public void publish(LogRecord r) { warnings.add(r.getMessage()); }
      @Override public void flush() {}
      @Override public void close() {}
    };
    logger.addHandler(h);
    TrainResult r;
    try {
      r = train(config(dir).build());
    } finally {
      logger.removeHandler(h);
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("unreadable checkpoint " + dir.resolve("checkpoints/ckpt-0000000007") + " ("),
        warnings.get(0));
    assertTrue(warnings.get(0).endsWith("); resuming from the one before"), warnings.get(0));
    assertEquals(TrainResult.Status.COMPLETED, r.status());
    assertEquals(Files.readAllLines(whole.resolve("log.jsonl")).stream().map(TrainerRecoveryTest::losses).toList(),
        Files.readAllLines(dir.resolve("log.jsonl")).stream().map(TrainerRecoveryTest::losses).toList());
  }

  @Test
  void noReadableCheckpointIsAClearError() throws IOException {
    Path dir = tmp.resolve("run");
    train(config(dir).optMaxIterations(3).build());
    truncate(dir.resolve("checkpoints/ckpt-0000000003"));
    var e = assertThrows(IOException.class, () -> train(config(dir).build()));
    assertTrue(e.getMessage().startsWith("cannot resume " + dir + ": no checkpoint reads back ("
        + dir.resolve("checkpoints/ckpt-0000000003") + " ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("); move " + dir.resolve("checkpoints") + " aside to train from the start"),
        e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void temporariesOfAKilledProcessAreDeletedOnStart() throws IOException {
    Path dir = tmp.resolve("run");
    Path half = Files.createDirectories(dir.resolve("checkpoints/.tmp-ckpt-0000000003.k2j4"));
    Files.write(half.resolve("model.index"), new byte[100]);
    Path partial = Files.writeString(dir.resolve(".status.json.x7q.partial"), "{\"sta");
    Path keep = Files.writeString(dir.resolve("notes.txt"), "mine");
    train(config(dir).optMaxIterations(2).build());
    assertFalse(Files.exists(half));
    assertFalse(Files.exists(partial));
    assertEquals("mine", Files.readString(keep));
  }

  @Test
  void aRunningStatusWhoseProcessIsGoneReadsAsInterrupted() throws Exception {
    Path file = tmp.resolve(RunStatus.FILE);
    new RunStatus(file).write("running", 5, "");
    ObjectNode s = (ObjectNode) JSON.readTree(file.toFile());
    assertEquals(ProcessHandle.current().pid(), s.get("pid").asLong());
    assertEquals("running", RunStatus.read(s));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    s.put("pid", gone.pid());
    assertEquals(RunStatus.INTERRUPTED, RunStatus.read(s));
    s.put("host", "another-host");
    assertEquals("running", RunStatus.read(s), "a process on another host cannot be checked");
    new RunStatus(file).write("completed", 5, "");
    assertFalse(JSON.readTree(file.toFile()).has("pid"));
  }

  @Test
  void checkpointsFollowTheClockAsWellAsTheIterationCount() throws IOException {
    Path byIterations = tmp.resolve("iterations");
    train(config(byIterations).optCheckpointEvery(0).optMaxIterations(4).build());
    assertEquals(List.of("ckpt-0000000004"), checkpoints(byIterations));
    Path byTime = tmp.resolve("time");
    // A clock period shorter than any iteration: every iteration checkpoints.
    train(config(byTime).optCheckpointEvery(0).optCheckpointMinutes(1e-9).optMaxIterations(4).build());
    assertEquals(List.of("ckpt-0000000001", "ckpt-0000000002", "ckpt-0000000003", "ckpt-0000000004"),
        checkpoints(byTime));
  }

  @Test
  void aFullDiskIsNamedWithoutTensorFlowsOutOfMemoryHint() {
    // TensorFlow's words for a checkpoint written to a full tmpfs (seen with session.save).
    var e = new org.tensorflow.exceptions.TFResourceExhaustedException(
        "/run/checkpoints/.tmp-ckpt-0000000001.19m/model.data-00000-of-00001.tempstate1190; No space left on device\n"
        + "\t [[{{node save/Save}}]]\n"
        + "Hint: If you want to see a list of allocated tensors when OOM happens, add report_tensor_allocations_upon_oom "
        + "to RunOptions for current allocation info. This isn't available when running in Eager mode.\n");
    assertEquals("/run/checkpoints/.tmp-ckpt-0000000001.19m/model.data-00000-of-00001.tempstate1190; "
        + "No space left on device", Checkpoints.cause(e));
    assertEquals("IOException", Checkpoints.cause(new IOException()));
  }

  private static String losses(String line) {
    try {
      var n = JSON.readTree(line);
      return n.get("iteration").asLong() + " " + n.get("d/loss").asText() + " " + n.get("g/loss").asText();
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
