package org.gansuite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

  /** FIPS 180-2, appendix B.1 and B.2. */
  private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir Path tmp;

  @Test
  void matchesThePublishedTestVectors() throws IOException {
    assertEquals(ABC, Sha256.of("abc"));
    assertEquals(ABC, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(TWO_BLOCKS, Sha256.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    assertEquals(EMPTY, Sha256.of(new byte[0]));
    var buffer = ByteBuffer.wrap("xxabc".getBytes(StandardCharsets.US_ASCII)).position(2);
    assertEquals(ABC, Sha256.of(buffer));
    assertEquals(2, buffer.position(), "the buffer's position is left as it was");
    var md = Sha256.digest();
    md.update("ab".getBytes(StandardCharsets.US_ASCII));
    md.update((byte) 'c');
    assertEquals(ABC, Sha256.hex(md));
  }

  @Test
  void hashesAFileStreamedAcrossBufferBoundaries() throws IOException {
    Path file = tmp.resolve("abc.txt");
    Files.writeString(file, "abc");
    assertEquals(ABC, Sha256.of(file));
    // A million 'a' (FIPS 180-2, B.3): longer than the 64 KiB read buffer.
    Path big = tmp.resolve("a.txt");
    Files.write(big, "a".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII));
    assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.of(big));
  }

  @Test
  void hashesAFoldersMatchingFilesInNameOrderWithTheirNames() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("ckpt"));
    Files.writeString(dir.resolve("model.index"), "abc");
    Files.writeString(dir.resolve("model.data-0"), "de");
    Files.writeString(dir.resolve("state.json"), "ignored");
    // name, NUL, content; files in name order ("model.data-0" < "model.index").
    String expected = Sha256.of("model.data-0\0demodel.index\0abc");
    assertEquals(expected, Sha256.ofFiles(dir, "model."));
    Files.writeString(dir.resolve("state.json"), "changed");
    assertEquals(expected, Sha256.ofFiles(dir, "model."), "other files do not count");
    Files.move(dir.resolve("model.data-0"), dir.resolve("model.data-1"));
    assertNotEquals(expected, Sha256.ofFiles(dir, "model."), "a renamed file changes the hash");
    var e = assertThrows(IOException.class, () -> Sha256.ofFiles(dir, "weights."));
    assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("weights.*"), e.getMessage());
  }
}
