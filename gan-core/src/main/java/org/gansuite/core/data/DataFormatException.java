package org.gansuite.core.data;

import java.nio.file.Path;

/**
 * A data file or folder that cannot be read as the data set it claims to be: wrong magic number,
 * truncated file, wrong record size, empty folder, undecodable or mixed-size images, corrupt
 * cache. The message always names the file and the problem; the command line maps this exception
 * to a non-zero exit. Loaders throw it instead of returning a partial data set.
 */
public class DataFormatException extends RuntimeException {

  private final String file;

  public DataFormatException(String file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public DataFormatException(Path file, String problem) {
    this(String.valueOf(file), problem);
  }

  public DataFormatException(String file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  public DataFormatException(Path file, String problem, Throwable cause) {
    this(String.valueOf(file), problem, cause);
  }

  /** The file or folder at fault, as given to the loader (a path or a resource name). */
  public String file() {
    return file;
  }
}
