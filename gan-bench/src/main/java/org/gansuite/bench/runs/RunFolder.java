package org.gansuite.bench.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.gansuite.bench.protocol.Entry;
import org.gansuite.bench.results.RunResult;
import org.gansuite.core.UserError;

/**
 * The folder of one (table, data set, row, seed) run: {@code <root>/<table>/<data set>/<row slug>/seed-<s>/},
 * holding the trainer's checkpoints, logs and samples and the final {@code result.json}. While a
 * process works in it, it holds an exclusive lock on {@code .lock}; a second process is refused.
 */
public final class RunFolder implements AutoCloseable {

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private RunFolder(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  public static Path path(Path root, String table, String dataset, Entry entry, long seed) {
    return root.resolve(table).resolve(dataset).resolve(entry.slug()).resolve("seed-" + seed);
  }

  /** Creates and locks the folder; fails if another process holds it. */
  public static RunFolder lock(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      ch.close();
      throw new UserError("run folder " + dir + " is being written by another process (locked)");
    }
    return new RunFolder(dir, ch, l);
  }

  public Path dir() {
    return dir;
  }

  /** The stored result, if the run finished earlier. */
  public Optional<RunResult> result() throws IOException {
    Path f = dir.resolve(RunResult.FILE);
    return Files.isRegularFile(f) ? Optional.of(RunResult.read(f)) : Optional.empty();
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
