package org.gansuite.metrics.impl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.gansuite.core.UserError;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.image.ImageDecoder;

/**
 * Lists the PNG/JPEG files of one folder (not recursive), sorted by name, and decodes them as 8-bit
 * HWC images through gan-core's {@link ImageDecoder}, the project's one decoding path (Commons
 * Imaging, ImageIO where it cannot; alpha dropped, as OpenCV's imread does).
 */
public final class ImageFolderReader {

  /** One decoded image. */
  public record NamedImage(String name, ImageShape shape, byte[] pixels) {}

  private ImageFolderReader() {}

  /** The image files of {@code folder}, sorted by name; an error when there are none. */
  public static List<Path> list(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      throw new NoSuchFileException(folder.toString(), null, "image folder does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new NotDirectoryException(folder + " (expected a folder of PNG/JPEG images)");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).filter(ImageFolderReader::isImage).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new UserError(folder + ": no .png, .jpg or .jpeg images in this folder");
    }
    return files;
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  /**
   * Decodes {@code file} with gan-core's {@link ImageDecoder} as RGB; an image whose three
   * channels are equal everywhere (a grey file, or an RGB file holding grey) becomes one channel.
   * The metrics give the same values either way (OpenCV's grey conversion and PSNR/SSIM over
   * equal channels leave grey values as they are); one channel is a third of the work.
   */
  public static NamedImage read(Path file) {
    BufferedImage img = ImageDecoder.read(file);
    int h = img.getHeight();
    int w = img.getWidth();
    byte[] rgb = ImageDecoder.pixels(img, 3);
    byte[] grey = greyIfEqual(rgb);
    return grey != null ? new NamedImage(file.getFileName().toString(), new ImageShape(h, w, 1), grey)
        : new NamedImage(file.getFileName().toString(), new ImageShape(h, w, 3), rgb);
  }

  /** The first channel when R = G = B at every pixel, else null. */
  private static byte[] greyIfEqual(byte[] rgb) {
    byte[] grey = new byte[rgb.length / 3];
    for (int i = 0; i < grey.length; i++) {
      byte r = rgb[3 * i];
      if (rgb[3 * i + 1] != r || rgb[3 * i + 2] != r) {
        return null;
      }
      grey[i] = r;
    }
    return grey;
  }

  /** An image of 1 channel repeated into 3 (RGB), to pair a grey file with a colour one. */
  public static NamedImage toRgb(NamedImage image) {
    if (image.shape().channels() == 3) {
      return image;
    }
    byte[] g = image.pixels();
    byte[] rgb = new byte[g.length * 3];
    for (int i = 0; i < g.length; i++) {
      rgb[3 * i] = g[i];
      rgb[3 * i + 1] = g[i];
      rgb[3 * i + 2] = g[i];
    }
    ImageShape s = image.shape();
    return new NamedImage(image.name(), new ImageShape(s.height(), s.width(), 3), rgb);
  }

  public static List<NamedImage> readAll(List<Path> files) {
    List<NamedImage> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(read(f));
    }
    return out;
  }
}
