package org.gansuite.core.data;

import java.util.Objects;
import org.gansuite.core.UserError;

/**
 * Identity of a data set: a name, its size, image shape and a content hash (hex SHA-256 over the
 * 8-bit pixels in index order). Feeds provenance and metric caches.
 */
public record DatasetId(String name, int size, ImageShape shape, String contentHash) {

  public DatasetId {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(contentHash, "contentHash");
    if (size <= 0) {
      throw new UserError("data set " + name + " is empty");
    }
  }
}
