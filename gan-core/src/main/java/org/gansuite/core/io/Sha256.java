package org.gansuite.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 in lower-case hex: the hash every data set, cache, weights file, checkpoint and input is
 * named by. The one place that asks the JVM for the algorithm.
 */
public final class Sha256 {

  private static final int BUFFER = 1 << 16;

  private Sha256() {}

  /** A fresh digest, for content fed piece by piece (every JVM has SHA-256). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  /** Completes {@code md} and returns its hex. */
  public static String hex(MessageDigest md) {
    return HexFormat.of().formatHex(md.digest());
  }

  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The hash of a text's UTF-8 bytes. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hash of a buffer's remaining bytes; the buffer's position is left as it was. */
  public static String of(ByteBuffer buffer) {
    MessageDigest md = digest();
    md.update(buffer.duplicate());
    return hex(md);
  }

  /** The hash of a file's content, streamed. */
  public static String of(Path file) throws IOException {
    MessageDigest md = digest();
    update(md, file);
    return hex(md);
  }

  /**
   * The hash of the files of {@code dir} whose names start with {@code prefix} (not of subfolders),
   * in name order, each as its name's UTF-8 bytes, a 0 byte, then its content: equal files give
   * equal hashes whatever the folder is called, and a renamed file changes it.
   *
   * @throws IOException naming the folder if no file matches
   */
  public static String ofFiles(Path dir, String prefix) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException(dir + " holds no " + prefix + "* files");
    }
    MessageDigest md = digest();
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      update(md, f);
    }
    return hex(md);
  }

  private static void update(MessageDigest md, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[BUFFER];
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
    }
  }
}
