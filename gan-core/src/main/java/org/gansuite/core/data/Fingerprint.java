package org.gansuite.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import org.gansuite.core.io.Sha256;

/**
 * SHA-256 over what a prepared data set depends on (file names, sizes, modification times,
 * options). Cheap to recompute, so a cache can tell whether its source changed without decoding.
 */
final class Fingerprint {

  private final MessageDigest digest;

  Fingerprint() {
    digest = Sha256.digest();
  }

  Fingerprint add(String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  Fingerprint addFile(String name, BasicFileAttributes attrs) {
    return add(name).add(Long.toString(attrs.size())).add(Long.toString(attrs.lastModifiedTime().toMillis()));
  }

  String digest() {
    return Sha256.hex(digest);
  }

  /** Attributes of a regular file, or an error naming it with {@code missing} as the problem. */
  static BasicFileAttributes attributes(Path file, String missing) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attrs.isRegularFile()) {
        throw new DataFormatException(file, "not a regular file");
      }
      return attrs;
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, missing, e);
    } catch (IOException e) {
      throw new DataFormatException(file, "cannot read attributes: " + e, e);
    }
  }
}
