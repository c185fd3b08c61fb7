package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.data.InMemoryDataset;
import org.gansuite.core.model.ModelSpec;
import org.gansuite.core.testing.TinyDatasets;
import org.gansuite.core.testing.TinyGan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  private static final ImageShape SHAPE = new ImageShape(4, 4, 1);
  /** 160 images in batches of 16: 10 iterations per epoch. */
  private static final InMemoryDataset DATA = TinyDatasets.gradients(160, SHAPE, 7);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static ModelSpec spec(Map<String, String> hp) {
    var m = new TinyGan();
    return new ModelSpec(m.name(), SHAPE, 8, 16, 42, m.defaults().with(hp));
  }

  private static TrainConfig.Builder config(Path dir) {
    return TrainConfig.builder(dir).setEpochs(2).optThreads(1, 1).optProgress(false).optLogEvery(1)
        .optSampleEvery(0).optCheckpointEvery(3).optKeepCheckpoints(5);
  }

  private static TrainResult train(ModelSpec spec, TrainConfig cfg) throws IOException {
    return new Trainer(new TinyGan(), spec, DATA, cfg).train();
  }

  /** Iteration -> logged losses; the last line per iteration wins (lines may repeat after a resume). */
  private static Map<Long, String> losses(Path dir) throws IOException {
    Map<Long, String> out = new TreeMap<>();
    for (String line : Files.readAllLines(dir.resolve("log.jsonl"))) {
      JsonNode n = JSON.readTree(line);
      out.put(n.get("iteration").asLong(), n.get("d/loss").asText() + " " + n.get("g/loss").asText());
    }
    return out;
  }

  @Test
  void resumedRunRepeatsTheLossesOfAnUninterruptedOne() throws IOException {
    Path whole = tmp.resolve("whole");
    var full = train(spec(Map.of()), config(whole).build());
    assertEquals(TrainResult.Status.COMPLETED, full.status());
    assertEquals(20, full.iterations());

    Path parts = tmp.resolve("parts");
    var first = train(spec(Map.of()), config(parts).optMaxIterations(7).build());
    assertEquals(7, first.iterations());
    // Drop the checkpoint written at the stop, so the resume starts mid-epoch from iteration 6.
    org.gansuite.core.io.FileTrees.delete(parts.resolve("checkpoints/ckpt-0000000007"));
    var second = train(spec(Map.of()), config(parts).build());
    assertEquals(TrainResult.Status.COMPLETED, second.status());
    assertEquals(20, second.iterations());

    Map<Long, String> a = losses(whole);
    Map<Long, String> b = losses(parts);
    assertEquals(20, a.size());
    assertEquals(a, b);
    assertFalse(a.get(1L).equals(a.get(20L)), "losses should change during training");
  }

  @Test
  void resumeUnderADifferentConfigIsRefusedNamingTheDifference() throws IOException {
    Path dir = tmp.resolve("run");
    train(spec(Map.of()), config(dir).optMaxIterations(3).build());
    var e = assertThrows(IllegalStateException.class, () -> train(spec(Map.of("lr", "0.002")), config(dir).build()));
    assertTrue(e.getMessage().contains("hp.lr: 0.001 -> 0.002"), e.getMessage());
  }

  @Test
  void divergenceStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
    Path dir = tmp.resolve("nan");
    var r = train(spec(Map.of("nan_at", "5")), config(dir).build());
    assertEquals(TrainResult.Status.FAILED, r.status());
    assertEquals(4, r.iterations());
    assertTrue(r.message().contains("diverged at iteration 5"), r.message());
    assertTrue(r.message().contains("NaN"), r.message());
    assertEquals(dir.resolve("checkpoints/ckpt-0000000003"), r.lastCheckpoint().orElseThrow());
    JsonNode status = JSON.readTree(dir.resolve("status.json").toFile());
    assertEquals("failed", status.get("status").asText());
    assertEquals(4, status.get("iteration").asLong());
  }

  @Test
  void checkpointsCarryStateAndProvenanceAndOnlyTheNewestAreKept() throws IOException {
    Path dir = tmp.resolve("ckpt");
    train(spec(Map.of()), config(dir).optKeepCheckpoints(2).build());
    var list = new Checkpoints(dir.resolve("checkpoints"), 2).list();
    // Checkpoints at 3, 6, 9, 10 (epoch end), 12, 15, 18, 20: the last two remain.
    assertEquals(2, list.size());
    assertEquals("ckpt-0000000018", list.get(0).getFileName().toString());
    var state = Checkpoints.readState(list.get(1));
    assertEquals(20, state.iteration());
    assertEquals(2, state.epoch());
    assertEquals("tiny-gan", state.provenance().model());
    assertEquals(DATA.id().contentHash(), state.provenance().datasetHash());
    assertFalse(state.provenance().devices().isEmpty());
    assertTrue(state.provenance().devices().get(0).contains("CPU"), state.provenance().devices().toString());
    // A fixed-z grid at the end (sampleEvery 0), 8 columns of 4x4 images with 2-pixel padding.
    var grid = javax.imageio.ImageIO.read(dir.resolve("samples/iter-00000020.png").toFile());
    assertEquals(8 * 4 + 9 * 2, grid.getWidth());
    assertTrue(Files.readString(dir.resolve("log.jsonl")).contains("\"images_per_s\""));
    try (var s = Files.list(dir.resolve("checkpoints"))) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp")));
    }
  }

  /** Results, checkpoints and PNGs are as readable by others as log.jsonl (the umask's), not owner-only. */
  @Test
  void runFilesGetTheSamePermissionsAsTheLog() throws IOException {
    Path dir = tmp.resolve("perm");
    var r = train(spec(Map.of()), config(dir).optMaxIterations(3).build());
    assumeTrue(Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null);
    var log = Files.getPosixFilePermissions(dir.resolve("log.jsonl"));
    assumeTrue(log.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "umask hides files from others");
    Path ckpt = r.lastCheckpoint().orElseThrow();
    for (Path p : java.util.List.of(dir.resolve("status.json"), ckpt.resolve("state.json"),
        dir.resolve("samples/iter-00000003.png"))) {
      assertEquals(log, Files.getPosixFilePermissions(p), p.toString());
    }
    var folder = Files.getPosixFilePermissions(dir.resolve("samples"));
    assertTrue(folder.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE), folder.toString());
    assertEquals(folder, Files.getPosixFilePermissions(ckpt));
  }

  /** Two critic steps per iteration draw two batches of 16: 100 images allow 3 whole iterations. */
  @Test
  void imageBudgetCountsEveryBatchAnIterationDraws() throws IOException {
    var r = train(spec(Map.of("d_steps", "2")), config(tmp.resolve("budget")).optMaxImages(100).build());
    assertEquals(3, r.iterations());
    assertEquals(3 * 2 * 16, r.imagesSeen());
  }

  @Test
  void tooSmallDataSetAndWrongShapeAreClearErrors() {
    var small = TinyDatasets.gradients(10, SHAPE, 1);
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(new TinyGan(), spec(Map.of()), small, config(tmp.resolve("s")).build()).train());
    assertTrue(e.getMessage().contains("fewer than one iteration"), e.getMessage());
    var other = TinyDatasets.gradients(32, new ImageShape(8, 8, 1), 1);
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> new Trainer(new TinyGan(), spec(Map.of()), other, config(tmp.resolve("w")).build()));
    assertTrue(e2.getMessage().contains("8x8x1"), e2.getMessage());
  }
}
