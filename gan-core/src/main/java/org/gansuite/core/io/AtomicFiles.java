package org.gansuite.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part.
 * Temporary files and folders are created under the process's umask (like any other file it
 * writes), not with the owner-only 0600/0700 of {@link Files#createTempFile}, so a renamed result
 * is as readable by others as the run's logs.
 */
public final class AtomicFiles {

  /** Writes the content of one file to a stream. */
  @FunctionalInterface
  public interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String TEMPORARY_SUFFIX = ".partial";

  private AtomicFiles() {}

  public static void write(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = createTemporaryFile(dir, "." + abs.getFileName(), TEMPORARY_SUFFIX);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        writer.write(out);
      } catch (IOException e) {
        // A stream's own message ("No space left on device") names no file.
        throw new IOException("cannot write " + abs + ": " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + abs + " atomically on this file system", e);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Creates a new empty file in {@code dir} under a unique name, with the permissions the umask gives. */
  public static Path createTemporaryFile(Path dir, String prefix, String suffix) throws IOException {
    while (true) {
      Path p = dir.resolve(uniqueName(prefix, suffix));
      try {
        Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return p;
      } catch (FileAlreadyExistsException e) {
        // drawn twice: draw again
      }
    }
  }

  /**
   * Creates a new empty folder in {@code dir} named {@code prefix} plus a random part, with the
   * permissions the umask gives: the place to build a folder that is then renamed into place.
   */
  public static Path createTemporaryDirectory(Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    while (true) {
      Path p = dir.resolve(uniqueName(prefix, ""));
      try {
        return Files.createDirectory(p);
      } catch (FileAlreadyExistsException e) {
        // drawn twice: draw again
      }
    }
  }

  /**
   * Whether {@code name} is one of the temporaries made here: {@code .NAME.RANDOM.partial} files
   * and, by this code's callers' convention, {@code .tmp-NAME.RANDOM} folders. Only a process killed
   * mid-write leaves one behind.
   */
  public static boolean isTemporary(String name) {
    return name.startsWith(".tmp-") || (name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX));
  }

  /**
   * Deletes the temporaries that killed writers left in {@code dir} and its sub-folders down to
   * {@code depth}; returns how many. Call it only while no other process writes there (holding
   * the folder's lock): a live writer's temporary would go too.
   */
  public static int deleteTemporaries(Path dir, int depth) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> found;
    try (Stream<Path> s = Files.walk(dir, depth)) {
      found = s.filter(p -> !p.equals(dir) && isTemporary(p.getFileName().toString())).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : found) {
      FileTrees.delete(p);
    }
    return found.size();
  }

  private static String uniqueName(String prefix, String suffix) {
    return prefix + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix;
  }
}
