package org.gansuite.core.data;

import java.nio.file.Path;
import org.gansuite.core.UserError;

/**
 * A data file or folder that cannot be read as the data set it claims to be: wrong magic number,
 * truncated file, wrong record size, empty folder, undecodable or mixed-size images, corrupt
 * cache. The message always names the file and the problem; being a {@link UserError}, the command
 * line prints it as one line and exits with code 1. Loaders throw it instead of returning a partial
 * data set.
 */
public class DataFormatException extends UserError {

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
