package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency: a training process killed with SIGKILL at random points, each kill followed
 * by a resume, ends with the checkpoint and the losses of an uninterrupted run, bit for bit
 * (single-threaded TensorFlow), with every iteration logged once and no temporaries left. The
 * suite runs {@value #DEFAULT_KILLS} kills; the longer run is
 *
 * <pre>
 * mvn -q -o -pl gan-core test -Dtest=CrashConsistencyTest -Dgansuite.kills=25
 * </pre>
 *
 * The killed process is this class's {@link #main}, in a JVM of its own.
 */
class CrashConsistencyTest {

  static final int DEFAULT_KILLS = 3;
  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  /** 160 images in batches of 16: 10 iterations per epoch. */
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final int EPOCHS = 60;
  private static final long TOTAL = 10L * EPOCHS;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  /** The run both ways: checkpoints every 7 iterations, so kills land between them and during them. */
  private static TrainResult train(Path dir) throws IOException {
    var m = new TinyGan();
    var spec = new ModelSpec(m.name(), SHAPE, 8, 16, 42, m.defaults());
    var cfg = TrainConfig.builder(dir).setEpochs(EPOCHS).optThreads(1, 1).optProgress(false).optLogEvery(1)
        .optSampleEvery(0).optCheckpointEvery(7).optKeepCheckpoints(2).build();
    return new Trainer(m, spec, DATA, cfg).train();
  }

  /** The process that is killed: trains (or resumes) the run in {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    train(Path.of(args[0]));
  }

  @Test
  void killedAndResumedRunEqualsAnUninterruptedOne() throws Exception {
    int kills = Integer.getInteger("gansuite.kills", DEFAULT_KILLS);
    Path whole = tmp.resolve("whole");
    assertEquals(TrainResult.Status.COMPLETED, train(whole).status());

    Path killed = tmp.resolve("killed");
    var random = new Random(kills);
    int done = 0;
    List<Long> at = new ArrayList<>();
    long started = System.nanoTime();
    while (done < kills) {
      Process p = child(killed);
      long from = loggedIteration(killed);
      // Kill after this resume made progress (so the loop ends), at a random point after that:
      // during a step, a log line, a checkpoint write, a prune.
      while (p.isAlive() && loggedIteration(killed) <= from) {
        Thread.sleep(2);
      }
      Thread.sleep(random.nextInt(120));
      if (!p.isAlive()) {
        break;
      }
      p.destroyForcibly();
      p.waitFor();
      done++;
      at.add(loggedIteration(killed));
    }
    Process last = child(killed);
    assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the final resume did not end");
    assertEquals(0, last.exitValue(), "the final resume failed");
    System.out.printf("crash consistency: %d kills survived (last logged iteration at each: %s) of %d iterations, "
        + "%.1f s%n", done, at, TOTAL, (System.nanoTime() - started) / 1e9);
    assertEquals(kills, done, "the run ended before every kill: lengthen it");

    assertEquals(losses(whole), losses(killed));
    assertEquals(LongStream.rangeClosed(1, TOTAL).boxed().toList(), iterations(killed), "each iteration logged once");
    var a = new Checkpoints(whole.resolve("checkpoints"), 1).latest().orElseThrow();
    var b = new Checkpoints(killed.resolve("checkpoints"), 1).latest().orElseThrow();
    assertEquals(a.getFileName(), b.getFileName());
    assertEquals(Checkpoints.contentHash(a), Checkpoints.contentHash(b));
    assertEquals(Checkpoints.readState(a).scalars(), Checkpoints.readState(b).scalars());
    try (Stream<Path> s = Files.walk(killed)) {
      assertEquals(List.of(), s.filter(x -> AtomicFiles.isTemporary(x.getFileName().toString())).toList());
    }
    assertEquals("completed", RunStatus.read(JSON.readTree(killed.resolve(RunStatus.FILE).toFile())));
  }

  private static Process child(Path dir) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashConsistencyTest.class.getName(), dir.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** The iterations of the log's lines, in order (a line cut short by a kill ends the list). */
  private static List<Long> iterations(Path dir) throws IOException {
    List<Long> out = new ArrayList<>();
    Path log = dir.resolve("log.jsonl");
    if (!Files.isRegularFile(log)) {
      return out;
    }
    for (String line : Files.readAllLines(log)) {
      try {
        out.add(JSON.readTree(line).get("iteration").asLong());
      } catch (IOException | RuntimeException e) {
        break;
      }
    }
    return out;
  }

  private static long loggedIteration(Path dir) throws IOException {
    List<Long> it = iterations(dir);
    return it.isEmpty() ? 0 : it.get(it.size() - 1);
  }

  /** Every logged line's losses, exactly as written, in order. */
  private static List<String> losses(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("log.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      out.add(n.get("iteration").asLong() + " " + n.get("d/loss").asText() + " " + n.get("g/loss").asText());
    }
    return out;
  }
}
