package org.gansuite.core.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a data set from a spec, as the command line gives it:
 *
 * <ul>
 *   <li>{@code fashion-mnist}: the full training split (60,000, {@code fashion-mnist-train}) when
 *       {@link DataOptions#fashionMnistDir()} holds it, else the embedded test split (10,000,
 *       {@code fashion-mnist-test}); the data set name says which.
 *   <li>{@code fashion-mnist-train}, {@code fashion-mnist-test}: that split, explicitly (the test
 *       split from the embedded resource).
 *   <li>{@code cifar10:DIR}, {@code cifar10-test:DIR}, {@code celeba:DIR}, {@code folder:DIR},
 *       {@code idx:IMAGES[,LABELS]}: the kind named.
 *   <li>a bare path, recognised by content: a folder with {@code data_batch_1.bin} (or a
 *       {@code cifar-10-batches-bin} sub-folder) is CIFAR-10's training split; a folder named or
 *       holding {@code img_align_celeba} is CelebA; a folder with
 *       {@code train-images-idx3-ubyte[.gz]} is an IDX training split with its labels; an IDX file
 *       is read with the {@code labels-idx1} file beside it if there is one; any other folder is a
 *       generic image folder with {@link DataOptions#folder()}.
 * </ul>
 *
 * Every failure is a {@link DataFormatException} naming the file and the problem.
 */
public final class Datasets {

  static final String EMBEDDED = "/org/gansuite/core/data/fashion-mnist/";
  private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
  private static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
  private static final String CELEBA = "img_align_celeba";

  private Datasets() {}

  public static ImageDataset open(String spec) {
    return open(spec, DataOptions.defaults());
  }

  public static ImageDataset open(String spec, DataOptions options) {
    String s = spec.trim();
    switch (s) {
      case "fashion-mnist":
        return fashionMnist(options);
      case "fashion-mnist-train":
        return fashionMnistTrain(options);
      case "fashion-mnist-test":
        return fashionMnistTest(options.idx());
      default:
        break;
    }
    int colon = s.indexOf(':');
    if (colon > 0) {
      String kind = s.substring(0, colon);
      Path path = Path.of(s.substring(colon + 1));
      switch (kind) {
        case "cifar10": return cifar10(path, CifarSplit.TRAIN, options);
        case "cifar10-test": return cifar10(path, CifarSplit.TEST, options);
        case "celeba": return celeba(path, options);
        case "folder": return folder(path, options.folder(), options);
        case "idx": return idxSpec(s.substring(colon + 1), options);
        default: break; // not a known kind: a path that holds a colon
      }
    }
    return byContent(Path.of(s), options);
  }

  /** Full training split when installed, else the embedded test split. */
  public static LabeledDataset fashionMnist(DataOptions options) {
    if (findIdx(options.fashionMnistDir(), TRAIN_IMAGES) != null) {
      return fashionMnistTrain(options);
    }
    return fashionMnistTest(options.idx());
  }

  /** The 60,000 training images from {@link DataOptions#fashionMnistDir()}. */
  public static LabeledDataset fashionMnistTrain(DataOptions options) {
    Path dir = options.fashionMnistDir();
    Path images = findIdx(dir, TRAIN_IMAGES);
    Path labels = findIdx(dir, TRAIN_LABELS);
    if (images == null || labels == null) {
      throw new DataFormatException(dir, "Fashion-MNIST training files (" + TRAIN_IMAGES + "[.gz], " + TRAIN_LABELS
          + "[.gz]) not found; install Debian's dataset-fashion-mnist or give the folder");
    }
    return idx("fashion-mnist-train", images, labels, options.idx());
  }

  /** The 10,000 test images bundled with gan-core (MIT licence, Zalando SE). */
  public static LabeledDataset fashionMnistTest(IdxOptions idx) {
    String images = EMBEDDED + "t10k-images-idx3-ubyte.gz";
    String labels = EMBEDDED + "t10k-labels-idx1-ubyte.gz";
    IdxFiles.Images img = IdxFiles.readImages("classpath:" + images, () -> Datasets.class.getResourceAsStream(images));
    int[] lab = IdxFiles.readLabels("classpath:" + labels, () -> Datasets.class.getResourceAsStream(labels));
    return (LabeledDataset) IdxFiles.toDataset("fashion-mnist-test", img, lab, "classpath:" + labels, idx);
  }

  /**
   * An IDX image file and, unless {@code labels} is null, its label file: a {@link LabeledDataset}
   * when labels are given.
   */
  public static ImageDataset idx(Path images, Path labels, IdxOptions idx) {
    if (labels == null) {
      return IdxFiles.toDataset(idxName(images), IdxFiles.readImages(images), null, null, idx);
    }
    return idx(idxName(images), images, labels, idx);
  }

  private static LabeledDataset idx(String name, Path images, Path labels, IdxOptions idx) {
    return (LabeledDataset) IdxFiles.toDataset(name, IdxFiles.readImages(images), IdxFiles.readLabels(labels),
        labels.toString(), idx);
  }

  public static LabeledDataset cifar10(Path dir, CifarSplit split, DataOptions options) {
    Path batches = dir.resolve("cifar-10-batches-bin");
    Path root = !Files.exists(dir.resolve(split.files().get(0))) && Files.isDirectory(batches) ? batches : dir;
    return (LabeledDataset) prepare(new CifarSource(root, split), options);
  }

  /** CelebA aligned faces, cropped and resized per {@link FolderOptions#CELEBA}. */
  public static ImageDataset celeba(Path dir, DataOptions options) {
    Path root = !dir.getFileName().toString().equals(CELEBA) && Files.isDirectory(dir.resolve(CELEBA))
        ? dir.resolve(CELEBA) : dir;
    return prepare(new FolderSource(root, "celeba-64", FolderOptions.CELEBA), options);
  }

  public static ImageDataset folder(Path dir, FolderOptions folder, DataOptions options) {
    String name = dir.toAbsolutePath().normalize().getFileName() + (folder.resizes()
        ? "-" + folder.height() + "x" + folder.width() : "");
    return prepare(new FolderSource(dir, name, folder), options);
  }

  /** Through the cache when {@link DataOptions#cacheDir()} is set, else in memory. */
  public static ImageDataset prepare(ImageSource source, DataOptions options) {
    if (options.cacheDir() == null) {
      return DataCache.prepareInMemory(source, options.threads());
    }
    return new DataCache(options.cacheDir(), options.verify(), options.threads()).open(source);
  }

  private static ImageDataset byContent(Path path, DataOptions options) {
    if (!Files.exists(path)) {
      throw new DataFormatException(path, "no such file or folder (nor a known data set name: fashion-mnist, "
          + "fashion-mnist-train, fashion-mnist-test)");
    }
    if (Files.isRegularFile(path)) {
      return idxSpec(path.toString(), options);
    }
    if (Files.exists(path.resolve("data_batch_1.bin")) || Files.isDirectory(path.resolve("cifar-10-batches-bin"))) {
      return cifar10(path, CifarSplit.TRAIN, options);
    }
    if (path.toAbsolutePath().normalize().getFileName().toString().equals(CELEBA)
        || Files.isDirectory(path.resolve(CELEBA))) {
      return celeba(path, options);
    }
    Path images = findIdx(path, TRAIN_IMAGES);
    if (images != null) {
      return idx(images, findIdx(path, TRAIN_LABELS), options.idx());
    }
    return folder(path, options.folder(), options);
  }

  /** {@code IMAGES[,LABELS]}; without LABELS, the {@code labels-idx1} file beside IMAGES if any. */
  private static ImageDataset idxSpec(String spec, DataOptions options) {
    String[] parts = spec.split(",", 2);
    Path images = Path.of(parts[0]);
    Path labels = parts.length > 1 ? Path.of(parts[1]) : besideLabels(images);
    return idx(images, labels, options.idx());
  }

  private static Path besideLabels(Path images) {
    String n = images.getFileName().toString();
    if (!n.contains("images-idx3")) {
      return null;
    }
    Path labels = images.resolveSibling(n.replace("images-idx3", "labels-idx1"));
    return Files.isRegularFile(labels) ? labels : null;
  }

  /** {@code DIR/base} or {@code DIR/base.gz}, whichever exists, else null. */
  private static Path findIdx(Path dir, String base) {
    for (String name : new String[] {base, base + ".gz"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  /** {@code mnist-train} for {@code mnist/train-images-idx3-ubyte.gz}. */
  static String idxName(Path images) {
    String file = images.getFileName().toString().replaceFirst("\\.gz$", "");
    String split = file.replaceFirst("-images-idx3-ubyte$", "");
    Path parent = images.toAbsolutePath().normalize().getParent();
    String dir = parent == null || parent.getFileName() == null ? "idx" : parent.getFileName().toString();
    return dir + "-" + split;
  }
}
