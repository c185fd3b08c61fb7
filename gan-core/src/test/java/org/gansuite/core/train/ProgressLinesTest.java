package org.gansuite.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aLineAtEveryTenthAndAtMostOneAMinuteBetween() {
    var bytes = new ByteArrayOutputStream();
    long[] now = {0};
    var lines = new ProgressLines("dcgan", 0, 1000, 64, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0]);
    for (long done = 1; done <= 1000; done++) {
      now[0] = done * SECOND; // 1 iteration a second: tenths every 100 s, a minute line 60 s after each
      lines.update(done);
    }
    var printed = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(20, printed.size());
    assertEquals("dcgan: iteration 60/1000 (6%), 1.0 it/s, 64 images/s, eta 16 min", printed.get(0));
    assertEquals("dcgan: iteration 100/1000 (10%), 1.0 it/s, 64 images/s, eta 15 min", printed.get(1));
    assertEquals("dcgan: iteration 160/1000 (16%), 1.0 it/s, 64 images/s, eta 14 min", printed.get(2));
    assertEquals("dcgan: iteration 1000/1000 (100%), 1.0 it/s, 64 images/s, done in 17 min", printed.get(19));
  }

  @Test
  void resumedRunCountsItsRateFromWhereItResumed() {
    var bytes = new ByteArrayOutputStream();
    long[] now = {0};
    var lines = new ProgressLines("wgan", 500, 1000, 64, new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> now[0]);
    now[0] = 50 * SECOND;
    lines.update(600);
    assertEquals("wgan: iteration 600/1000 (60%), 2.0 it/s, 128 images/s, eta 3 min" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void durationsRead() {
    assertEquals("42 s", ProgressLines.duration(42.3));
    assertEquals("4 min", ProgressLines.duration(250));
    assertEquals("2 h 05 min", ProgressLines.duration(2 * 3600 + 5 * 60 + 10));
  }
}
