package org.gansuite.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.gansuite.metrics.io.Npy;
import org.gansuite.metrics.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy/.npz against files numpy wrote (make_feature_references.py). */
class NpyNpzTest {

  @TempDir Path dir;

  @Test
  void readsNumpyStatisticsFile() throws IOException {
    FeatureStats fromNumpy = Npz.readStats(References.resource("stats_a.npz"));
    FeatureStats computed = FeatureStats.of(Npy.readFeatures(References.resource("features_a_f64.npy")));
    assertEquals(0, fromNumpy.n()); // TTUR-style files carry no sample count
    assertEquals(16, fromNumpy.dim());
    for (int i = 0; i < computed.sigma().length; i++) {
      assertEquals(fromNumpy.sigma()[i], computed.sigma()[i], 1e-13);
    }
    assertEquals(0.0, Fid.compute(fromNumpy, computed), 1e-9);
  }

  @Test
  void float32FeaturesAreWidened() throws IOException {
    FeatureMatrix b = Npy.readFeatures(References.resource("features_b_f32.npy"));
    assertEquals(150, b.rows());
    assertEquals(16, b.cols());
    assertEquals(References.expected("feature_expected.properties", "mu_b_3"),
        References.stats(b).mu()[3], 1e-12);
  }

  @Test
  void statisticsRoundTrip() throws IOException {
    FeatureStats s = FeatureStats.of(Npy.readFeatures(References.resource("features_c_f64.npy")));
    Path file = dir.resolve("sub/c.npz");
    Npz.writeStats(file, s);
    FeatureStats back = Npz.readStats(file);
    assertEquals(300, back.n());
    assertArrayEquals(s.mu(), back.mu(), 0.0);
    assertArrayEquals(s.sigma(), back.sigma(), 0.0);
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file may remain");
    }
  }

  @Test
  void refusesFortranOrderAndIntegerArrays() {
    Path fortran = References.resource("features_fortran.npy");
    var e = assertThrows(IllegalArgumentException.class, () -> Npy.readFeatures(fortran));
    assertTrue(e.getMessage().contains("features_fortran.npy") && e.getMessage().contains("Fortran"), e.getMessage());
    Path ints = References.resource("features_int32.npy");
    e = assertThrows(IllegalArgumentException.class, () -> Npy.readFeatures(ints));
    assertTrue(e.getMessage().contains("features_int32.npy") && e.getMessage().contains("<i4"), e.getMessage());
  }

  @Test
  void refusesMalformedFiles() throws IOException {
    Path junk = dir.resolve("junk.npz");
    Files.writeString(junk, "not a zip");
    var e = assertThrows(IllegalArgumentException.class, () -> Npz.readStats(junk));
    assertTrue(e.getMessage().contains("junk.npz"), e.getMessage());

    Path truncated = dir.resolve("truncated.npy");
    byte[] good = Files.readAllBytes(References.resource("features_a_f64.npy"));
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 8));
    e = assertThrows(IllegalArgumentException.class, () -> Npy.readFeatures(truncated));
    assertTrue(e.getMessage().contains("truncated.npy") && e.getMessage().contains("data bytes"), e.getMessage());

    Path noSigma = dir.resolve("nosigma.npz");
    try (var out = Files.newOutputStream(noSigma)) {
      Npz.write(out, java.util.Map.of("mu", new double[] {1, 2}), java.util.Map.of("mu", new long[] {2}));
    }
    e = assertThrows(IllegalArgumentException.class, () -> Npz.readStats(noSigma));
    assertTrue(e.getMessage().contains("nosigma.npz") && e.getMessage().contains("sigma"), e.getMessage());

    Path wrongShape = dir.resolve("wrongshape.npz");
    try (var out = Files.newOutputStream(wrongShape)) {
      Npz.write(out, java.util.Map.of("mu", new double[] {1, 2}, "sigma", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}),
          java.util.Map.of("mu", new long[] {2}, "sigma", new long[] {3, 3}));
    }
    e = assertThrows(IllegalArgumentException.class, () -> Npz.readStats(wrongShape));
    assertTrue(e.getMessage().contains("wrongshape.npz") && e.getMessage().contains("2 x 2"), e.getMessage());

    assertThrows(NoSuchFileException.class, () -> Npz.readStats(dir.resolve("missing.npz")));
  }

  /**
   * A one-member {@code .npz} whose zip entries declare {@code declared} uncompressed bytes for
   * {@code data} (deflated), as a bomb's do: the declared size is what a reader sees first.
   */
  private static byte[] zipDeclaring(String name, byte[] data, long declared) throws IOException {
    var deflater = new java.util.zip.Deflater(9, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 64];
    int len = deflater.deflate(buf);
    deflater.end();
    byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    var crc = new java.util.zip.CRC32();
    crc.update(data);
    var out = java.nio.ByteBuffer.allocate(200 + 2 * n.length + len).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
        .putInt((int) crc.getValue()).putInt(len).putInt((int) declared).putShort((short) n.length).putShort((short) 0)
        .put(n).put(buf, 0, len);
    int central = out.position();
    out.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 8).putInt(0)
        .putInt((int) crc.getValue()).putInt(len).putInt((int) declared).putShort((short) n.length).putShort((short) 0)
        .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(n);
    int centralSize = out.position() - central;
    out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
        .putInt(centralSize).putInt(central).putShort((short) 0);
    return java.util.Arrays.copyOf(out.array(), out.position());
  }

  @Test
  void aMemberDeclaringMoreThanTheLimitIsRefusedBeforeInflating() throws IOException {
    // mu.npy of 400,000,000 float64 values: 3.2 GB of zeros once inflated.
    String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (400000000,), }";
    var npy = new java.io.ByteArrayOutputStream();
    npy.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (header.length() + 1), 0});
    npy.write((header + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    npy.write(new byte[4096]);
    long declared = 10 + header.length() + 1 + 3_200_000_000L;
    Path bomb = Files.write(dir.resolve("bomb.npz"), zipDeclaring("mu.npy", npy.toByteArray(), declared));
    var e = assertThrows(IllegalArgumentException.class, () -> Npz.readStats(bomb));
    assertEquals(bomb + "[mu.npy]: 3,200,000,076 bytes, above the limit of 1,073,741,824 (1 GiB) for one array",
        e.getMessage());
    // A member inflating past what it declares is refused once the declared size is read.
    Path liar = Files.write(dir.resolve("liar.npz"), zipDeclaring("mu.npy", npy.toByteArray(), 100));
    e = assertThrows(IllegalArgumentException.class, () -> Npz.read(liar));
    assertEquals(liar + "[mu.npy]: inflates to more than the 100 bytes its zip entry declares", e.getMessage());
  }
}
