package org.gansuite.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gansuite.core.io.AtomicFiles;
import org.gansuite.core.io.FileTrees;
import org.gansuite.core.io.Sha256;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Checkpoints of a run: {@code <dir>/ckpt-<iteration>/} holding TensorFlow's variables
 * ({@code model.index}, {@code model.data-*}) and the {@code state.json} sidecar. A checkpoint is
 * written into a hidden folder and renamed into place, so a crash never leaves a partial one.
 */
public final class Checkpoints {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String PREFIX = "ckpt-";

  private final Path dir;
  private final int keep;

  public Checkpoints(Path dir, int keep) {
    this.dir = dir;
    this.keep = keep;
  }

  /** Saves the session's variables and the state; prunes all but the newest {@code keep}. */
  public Path save(Session session, CheckpointState state) throws IOException {
    Files.createDirectories(dir);
    String name = String.format("%s%010d", PREFIX, state.iteration());
    // Under the umask, like the run's other files (createTempDirectory would make it 0700).
    Path tmp = AtomicFiles.createTemporaryDirectory(dir, ".tmp-" + name);
    Path target = dir.resolve(name);
    try {
      session.save(tmp.resolve("model").toString());
      JSON.writeValue(tmp.resolve("state.json").toFile(), state);
    } catch (IOException | TensorFlowException e) {
      FileTrees.delete(tmp);
      throw new IOException("cannot write checkpoint " + target + ": " + cause(e), e);
    }
    if (Files.exists(target)) {
      discard(target);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    prune();
    return target;
  }

  /**
   * Saves the session's variables and the state as the only checkpoint of this folder (e.g. the
   * best one): the new one is complete before any other is deleted.
   */
  public Path replace(Session session, CheckpointState state) throws IOException {
    Path saved = save(session, state);
    for (Path p : list()) {
      if (!p.equals(saved)) {
        discard(p);
      }
    }
    return saved;
  }

  /** The folder holding the checkpoints. */
  public Path dir() {
    return dir;
  }

  /** The newest complete checkpoint, if any. */
  public Optional<Path> latest() throws IOException {
    var all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Complete checkpoints, oldest first. */
  public List<Path> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
          .filter(p -> Files.isRegularFile(p.resolve("state.json")))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  public static CheckpointState readState(Path checkpoint) throws IOException {
    Path file = checkpoint.resolve("state.json");
    try {
      return JSON.readValue(file.toFile(), CheckpointState.class);
    } catch (IOException e) {
      throw new IOException("unreadable checkpoint state " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The first line of an error's message without TensorFlow's hint about out-of-memory reports,
   * which it appends to every "resource exhausted" error, a full disk included.
   */
  static String cause(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String line = m.lines().filter(l -> !l.isBlank() && !l.startsWith("Hint:")).findFirst().orElse(m).trim();
    return line.replaceFirst("\\s*\\[?Hint: If you want to see a list of allocated tensors.*$", "");
  }

  /** Restores variables (and their optimizer slots) from a checkpoint. */
  public static void restore(Session session, Path checkpoint) {
    session.restore(checkpoint.resolve("model").toString());
  }

  /**
   * A checkpoint's content hash: SHA-256 over the names and bytes of its variable files
   * ({@code model.*}; not the folder's name or the sidecar), so equal weights give equal hashes.
   * Any folder written by {@code Session.save(dir/model)} has one.
   */
  public static String contentHash(Path checkpoint) throws IOException {
    return Sha256.ofFiles(checkpoint, "model.");
  }

  /** Names each configuration entry that differs, as {@code key: saved -> now}. */
  public static List<String> differences(SortedMap<String, String> saved, SortedMap<String, String> now) {
    var keys = new TreeSet<>(saved.keySet());
    keys.addAll(now.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      String a = saved.get(k);
      String b = now.get(k);
      if (a == null ? b != null : !a.equals(b)) {
        out.add(k + ": " + a + " -> " + b);
      }
    }
    return out;
  }

  private void prune() throws IOException {
    var all = list();
    for (int i = 0; i < all.size() - keep; i++) {
      discard(all.get(i));
    }
  }

  /**
   * Deletes a checkpoint: renamed to a temporary first, so a kill half-way leaves a temporary that
   * the next start deletes, not a checkpoint folder missing some of its files.
   */
  private void discard(Path checkpoint) throws IOException {
    Path doomed = AtomicFiles.createTemporaryDirectory(dir, ".tmp-discard-" + checkpoint.getFileName());
    Files.move(checkpoint, doomed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    FileTrees.delete(doomed);
  }
}
