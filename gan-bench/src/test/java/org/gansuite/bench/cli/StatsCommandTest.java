package org.gansuite.bench.cli;

import static org.gansuite.bench.cli.ScoreCommandTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gansuite.metrics.FeatureStats;
import org.gansuite.metrics.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gan-bench stats}: the written .npz holds the statistics of the extractor's features. */
class StatsCommandTest {

  @TempDir Path tmp;

  /** Grey images of constant values v: features (v, v, v) / 255, so mu and sigma by hand. */
  @Test
  void writesStatisticsOfTheFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("img"));
    int[] levels = {0, 51, 102, 255};
    for (int i = 0; i < levels.length; i++) {
      Cli.greyPng(dir.resolve(i + ".png"), 5, 6, Cli.filled(30, levels[i]));
    }
    Path out = tmp.resolve("stats/ref.npz");
    Cli.Run r = Cli.run("stats", "--images", dir, "--extractor", PixelMomentsExtractor.NAME, "--out", out, "--json");
    assertEquals(0, r.code(), r.err());
    FeatureStats s = Npz.readStats(out);
    double[] v = {0, 0.2, 0.4, 1};
    double mean = 1.6 / 4;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean) / 3;
    }
    assertEquals(4, s.n());
    assertArrayEquals(new double[] {mean, mean, mean}, s.mu(), 1e-12);
    for (double c : s.sigma()) {
      assertEquals(var, c, 1e-12);
    }
    JsonNode j = r.json();
    assertEquals(4, j.get("n").asInt());
    assertEquals(3 * var, j.get("trace_sigma").asDouble(), 1e-12);
    assertEquals(PixelMomentsExtractor.NAME, j.get("protocol").get("extractor").get("name").asText());
    try (var files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList(), "no temporary file left beside the output");
    }
    // The written file feeds `fid`. The three features are equal, so sigma has rank 1: as in
    // pytorch-fid, 1e-6 joins both diagonals inside the square root only, and the folder against its
    // own statistics gives 2 tr(S) - 2 tr(S + 1e-6 I) = -6e-6 rather than 0.
    JsonNode self = Cli.run("fid", dir, out, "--extractor", PixelMomentsExtractor.NAME, "--json").json();
    assertEquals(-6e-6, self.get("fid").asDouble(), 1e-9);
    assertEquals(1e-6, self.get("protocol").get("fid_diagonal_offset").asDouble());
  }

  @Test
  void badInput() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("img"));
    Path out = tmp.resolve("s.npz");
    assertError(Cli.run("stats", "--images", dir, "--out", out), "give --extractor");
    assertError(Cli.run("stats", "--images", tmp.resolve("none"), "--extractor", PixelMomentsExtractor.NAME,
        "--out", out), "none");
    assertError(Cli.run("stats", "--images", dir, "--extractor", PixelMomentsExtractor.NAME, "--out",
        tmp.resolve("s.txt")), "s.txt: the statistics file must end in .npz");
    Files.write(dir.resolve("bad.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0});
    assertError(Cli.run("stats", "--images", dir, "--extractor", PixelMomentsExtractor.NAME, "--out", out), "bad.jpg");
    assertFalse(Files.exists(out), "nothing written on failure");
  }
}
