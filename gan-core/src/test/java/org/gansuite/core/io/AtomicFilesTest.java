package org.gansuite.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written atomically get the permissions of any file the process creates (its umask, e.g.
 * 0644), not the owner-only 0600 of a temporary file; folders likewise (e.g. 0755, not 0700).
 */
class AtomicFilesTest {

  @TempDir Path tmp;

  /** The permissions the umask gives a plain new file (or folder); skips where they are owner-only or not POSIX. */
  private Set<PosixFilePermission> umaskPermissions(boolean folder) throws IOException {
    assumeTrue(Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null, "not a POSIX file system");
    Path ref = tmp.resolve(folder ? "reference-folder" : "reference.txt");
    if (folder) {
      Files.createDirectory(ref);
    } else {
      Files.writeString(ref, "x");
    }
    var perms = Files.getPosixFilePermissions(ref);
    assumeTrue(perms.contains(PosixFilePermission.OTHERS_READ), "umask " + PosixFilePermissions.toString(perms)
        + " gives others no read access: nothing to tell apart");
    return perms;
  }

  @Test
  void writtenFileIsReadableByOthersAsThePlainOnesAre() throws IOException {
    var expected = umaskPermissions(false);
    Path target = tmp.resolve("out/result.json");
    AtomicFiles.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{}", Files.readString(target));
    assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    // Rewriting keeps them and leaves no temporary file behind.
    AtomicFiles.write(target, out -> out.write("[]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("[]", Files.readString(target));
    assertEquals(expected, Files.getPosixFilePermissions(target));
    try (Stream<Path> s = Files.list(target.getParent())) {
      assertEquals(List.of(target), s.toList());
    }
  }

  @Test
  void pngsAndTemporaryFoldersGetTheUmaskToo() throws IOException {
    var fileExpected = umaskPermissions(false);
    var folderExpected = umaskPermissions(true);
    assertTrue(folderExpected.contains(PosixFilePermission.OTHERS_EXECUTE), PosixFilePermissions.toString(folderExpected));
    Path png = tmp.resolve("grid.png");
    ImageWriter.writeGrid(png, new byte[4 * 16], 4, new ImageShape(4, 4, 1), 2);
    assertEquals(fileExpected, Files.getPosixFilePermissions(png));
    Path dir = AtomicFiles.createTemporaryDirectory(tmp.resolve("ckpts"), ".tmp-ckpt");
    assertTrue(dir.getFileName().toString().startsWith(".tmp-ckpt."), dir.toString());
    assertEquals(folderExpected, Files.getPosixFilePermissions(dir));
    Path again = AtomicFiles.createTemporaryDirectory(tmp.resolve("ckpts"), ".tmp-ckpt");
    assertTrue(!again.equals(dir) && Files.isDirectory(again) && Files.isDirectory(dir));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = tmp.resolve("keep.txt");
    Files.writeString(target, "old");
    var e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write(1);
      throw new IOException("No space left on device");
    }));
    // The stream's message names no file; the error does.
    assertEquals("cannot write " + target.toAbsolutePath() + ": No space left on device", e.getMessage());
    assertEquals("old", Files.readString(target));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(target), s.toList());
    }
  }

  @Test
  void temporariesAreFoundByNameAndDeletedDownToTheGivenDepth() throws IOException {
    Path run = tmp.resolve("run");
    Path ckpt = Files.createDirectories(run.resolve("checkpoints/.tmp-ckpt-0000000010.a1"));
    Files.writeString(ckpt.resolve("model.index"), "x");
    Path partial = Files.writeString(run.resolve(".log.jsonl.b2.partial"), "x");
    Path deep = Files.createDirectories(run.resolve("a/b/c/.tmp-x.c3"));
    Path kept = Files.writeString(Files.createDirectories(run.resolve("checkpoints/ckpt-0000000005")).resolve("state.json"), "{}");
    Path hidden = Files.writeString(run.resolve(".lock"), "");
    assertEquals(2, AtomicFiles.deleteTemporaries(run, 2));
    assertTrue(!Files.exists(ckpt) && !Files.exists(partial));
    assertTrue(Files.exists(deep) && Files.exists(kept) && Files.exists(hidden));
    assertEquals(0, AtomicFiles.deleteTemporaries(tmp.resolve("absent"), 2));
  }
}
