package org.gansuite.core.data;

import java.nio.file.Path;
import java.util.Objects;
import org.gansuite.core.UserError;

/**
 * Where and how {@link Datasets} opens data sets.
 *
 * @param cacheDir folder of prepared caches for CIFAR-10 and image folders; null prepares them in
 *     memory instead (IDX sets are always read into memory: they are small and fast to parse)
 * @param verify how much of a cache is checked on open
 * @param threads decoding threads when preparing image folders
 * @param fashionMnistDir where the full Fashion-MNIST is looked for
 * @param idx padding of IDX images
 * @param folder crop/resize of generic image folders
 */
public record DataOptions(Path cacheDir, DataCache.Verify verify, int threads, Path fashionMnistDir, IdxOptions idx,
    FolderOptions folder) {

  /** Debian's package dataset-fashion-mnist installs the IDX files here. */
  public static final Path SYSTEM_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  public DataOptions {
    Objects.requireNonNull(verify, "verify");
    Objects.requireNonNull(fashionMnistDir, "fashionMnistDir");
    Objects.requireNonNull(idx, "idx");
    Objects.requireNonNull(folder, "folder");
    if (threads < 1) {
      throw new UserError("threads must be positive, got " + threads);
    }
  }

  /** Caches in {@link DataCache#defaultDir()}, AUTO verification, one thread per core. */
  public static DataOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; every setting is optional. */
  public static final class Builder {
    private Path cacheDir = DataCache.defaultDir();
    private DataCache.Verify verify = DataCache.Verify.AUTO;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Path fashionMnistDir = SYSTEM_FASHION_MNIST;
    private IdxOptions idx = IdxOptions.DEFAULT;
    private FolderOptions folder = FolderOptions.DEFAULT;

    /** Null: prepare in memory, write no cache. */
    public Builder optCacheDir(Path cacheDir) {
      this.cacheDir = cacheDir;
      return this;
    }

    public Builder optVerify(DataCache.Verify verify) {
      this.verify = verify;
      return this;
    }

    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder optFashionMnistDir(Path dir) {
      this.fashionMnistDir = dir;
      return this;
    }

    public Builder optIdx(IdxOptions idx) {
      this.idx = idx;
      return this;
    }

    public Builder optFolder(FolderOptions folder) {
      this.folder = folder;
      return this;
    }

    public DataOptions build() {
      return new DataOptions(cacheDir, verify, threads, fashionMnistDir, idx, folder);
    }
  }
}
