package org.gansuite.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gansuite.core.image.ImageDecoder;
import org.gansuite.core.image.Resampler;

/**
 * The JPEG and PNG files of one folder (not its sub-folders), in file-name order: CelebA's
 * {@code img_align_celeba} or any folder of images. Each image is cropped, then resized with an
 * anti-aliased filter, per {@link FolderOptions}. Without a resize every (cropped) image must have
 * the size of the first; a different size is an error naming the file.
 */
public final class FolderSource implements ImageSource {

  /** Bump when decoding changes the pixels it produces, so that old caches become stale (2: JPEG via ImageIO). */
  private static final int DECODER_VERSION = 2;

  private final Path dir;
  private final String name;
  private final FolderOptions options;
  private final List<Path> files;
  private final ImageShape shape;
  private final String fingerprint;

  public FolderSource(Path dir, String name, FolderOptions options) {
    this.dir = dir;
    this.name = name;
    this.options = options;
    if (!Files.isDirectory(dir)) {
      throw new DataFormatException(dir, Files.exists(dir) ? "not a folder" : "image folder not found");
    }
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(FolderSource::isImage).filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new DataFormatException(dir, "cannot list: " + e, e);
    }
    if (files.isEmpty()) {
      throw new DataFormatException(dir, "no JPEG or PNG images (*.jpg, *.jpeg, *.png) in the folder");
    }
    Fingerprint fp = new Fingerprint().add("image-folder").add(Integer.toString(DECODER_VERSION))
        .add(options.toString());
    for (Path f : files) {
      fp.addFile(f.getFileName().toString(), Fingerprint.attributes(f, "image file vanished"));
    }
    fingerprint = fp.digest();
    shape = options.resizes() ? new ImageShape(options.height(), options.width(), options.channels())
        : options.crop() != null ? new ImageShape(options.crop().height(), options.crop().width(), options.channels())
        : firstShape();
  }

  private ImageShape firstShape() {
    BufferedImage first = ImageDecoder.read(files.get(0));
    return new ImageShape(first.getHeight(), first.getWidth(), options.channels());
  }

  static boolean isImage(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
  }

  /** The image files, in index order. */
  public List<Path> files() {
    return files;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ImageShape shape() {
    return shape;
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public int classes() {
    return 0;
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public String description() {
    return "image folder " + dir.toAbsolutePath() + " (" + options + ")";
  }

  @Override
  public void decode(ImageSink sink, int threads) {
    Parallel.forEach(files.size(), threads, i -> {
      byte[] px = decodeOne(files.get(i));
      sink.accept(i, px, 0, -1);
    });
  }

  /** Decodes, crops and resizes one file to {@link #shape()}. */
  byte[] decodeOne(Path file) {
    BufferedImage image = ImageDecoder.read(file);
    FolderOptions.Crop crop = options.crop();
    if (crop != null) {
      if (crop.top() + crop.height() > image.getHeight() || crop.left() + crop.width() > image.getWidth()) {
        throw new DataFormatException(file, "image is " + image.getWidth() + " wide x " + image.getHeight()
            + " high, too small for the crop " + crop);
      }
      image = image.getSubimage(crop.left(), crop.top(), crop.width(), crop.height());
    }
    int h = image.getHeight();
    int w = image.getWidth();
    if (!options.resizes() && (h != shape.height() || w != shape.width())) {
      throw new DataFormatException(file, "image is " + h + "x" + w + " (after any crop), the folder's first is "
          + shape.height() + "x" + shape.width() + "; mixed sizes need a resize option");
    }
    byte[] px = ImageDecoder.pixels(image, options.channels());
    if (h == shape.height() && w == shape.width()) {
      return px;
    }
    return Resampler.resize(px, 0, h, w, options.channels(), shape.height(), shape.width(), options.filter());
  }
}
