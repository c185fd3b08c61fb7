package org.gansuite.metrics.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lower-case hex: the hash every weights file, cache entry and input is named by. */
public final class Sha256 {

  private Sha256() {}

  /** A fresh SHA-256 digest (every JVM has one). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from this JVM", e);
    }
  }

  public static String hex(MessageDigest md) {
    return HexFormat.of().formatHex(md.digest());
  }

  public static String of(byte[] bytes) {
    MessageDigest md = digest();
    md.update(bytes);
    return hex(md);
  }

  /** The hash of a file's content, streamed. */
  public static String of(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
        md.update(buf, 0, r);
      }
    }
    return hex(md);
  }
}
