package org.gansuite.metrics.impl;

import java.awt.color.ColorSpace;
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
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.gansuite.core.data.ImageShape;

/**
 * Reads the PNG/JPEG files of one folder (not recursive), sorted by name, as 8-bit HWC images:
 * grey files as one channel, everything else as RGB (alpha dropped, as OpenCV's imread does).
 * Decodes with the JDK's ImageIO first, Commons Imaging for files ImageIO cannot read: Commons
 * Imaging 1.0.0-alpha6 stores 8-bit grey PNGs in a linear-grey BufferedImage through an sRGB
 * conversion (107 becomes 37), which would corrupt every grey metric; ImageIO keeps the raw
 * samples. Grey samples are read from the raster, never through getRGB (which applies the same
 * gamma conversion). Kept private to gan-metrics so gan-core's image loader can replace it.
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
      throw new IllegalArgumentException(folder + ": no .png, .jpg or .jpeg images in this folder");
    }
    return files;
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  public static NamedImage read(Path file) throws IOException {
    BufferedImage img = decode(file);
    int h = img.getHeight();
    int w = img.getWidth();
    boolean grey = img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    int c = grey ? 1 : 3;
    byte[] px = new byte[h * w * c];
    var raster = img.getRaster();
    int bits = img.getColorModel().getComponentSize(0);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * c;
        if (grey) {
          int v = raster.getSample(x, y, 0);
          px[o] = (byte) (bits > 8 ? v >> (bits - 8) : v);
        } else {
          int rgb = img.getRGB(x, y);
          px[o] = (byte) (rgb >> 16);
          px[o + 1] = (byte) (rgb >> 8);
          px[o + 2] = (byte) rgb;
        }
      }
    }
    return new NamedImage(file.getFileName().toString(), new ImageShape(h, w, c), px);
  }

  private static BufferedImage decode(Path file) throws IOException {
    BufferedImage img = null;
    Exception failure = null;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      failure = e;
    }
    if (img == null) {
      try {
        img = Imaging.getBufferedImage(file.toFile());
      } catch (ImagingException | RuntimeException e) {
        String why = failure != null ? failure.getMessage() : e.getMessage();
        throw new IOException(file + ": cannot decode image (" + why + ")", e);
      }
    }
    return img;
  }

  public static List<NamedImage> readAll(List<Path> files) throws IOException {
    List<NamedImage> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(read(f));
    }
    return out;
  }
}
