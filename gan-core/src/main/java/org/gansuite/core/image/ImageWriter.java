package org.gansuite.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.gansuite.core.data.ImageDataset;
import org.gansuite.core.data.ImageShape;
import org.gansuite.core.io.AtomicFiles;

/**
 * Writes 8-bit HWC images as PNG with Apache Commons Imaging: sample grids, and folders of single
 * images for scoring by other tools. Every file is written to a temporary file beside it and moved
 * into place atomically, so a reader never sees a partial PNG.
 */
public final class ImageWriter {

  /** Gap between grid cells and around the grid, as torchvision's {@code save_image}. */
  public static final int DEFAULT_PADDING = 2;

  private ImageWriter() {}

  /** A grid with {@link #DEFAULT_PADDING} pixels of black between and around the cells. */
  public static void writeGrid(Path file, byte[] images, int count, ImageShape shape, int columns) {
    writeGrid(file, images, count, shape, columns, DEFAULT_PADDING);
  }

  /**
   * Writes the first {@code count} images of {@code images} (HWC, one after another) as one PNG,
   * {@code columns} per row, left to right and top to bottom; cells past {@code count} and the
   * {@code padding} gaps are black.
   */
  public static void writeGrid(Path file, byte[] images, int count, ImageShape shape, int columns, int padding) {
    if (count < 1 || columns < 1 || padding < 0) {
      throw new IllegalArgumentException("need count >= 1, columns >= 1, padding >= 0; got " + count + ", "
          + columns + ", " + padding);
    }
    checkLength(images, count, shape);
    int cols = Math.min(columns, count);
    int rows = (count + cols - 1) / cols;
    int h = shape.height();
    int w = shape.width();
    BufferedImage grid = new BufferedImage(cols * (w + padding) + padding, rows * (h + padding) + padding,
        BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < count; i++) {
      int top = padding + (i / cols) * (h + padding);
      int left = padding + (i % cols) * (w + padding);
      paint(grid, images, i * shape.pixels(), shape, top, left);
    }
    write(file, grid);
  }

  /** Writes one image (HWC at {@code offset}) as a PNG. */
  public static void writePng(Path file, byte[] pixels, int offset, ImageShape shape) {
    BufferedImage image = new BufferedImage(shape.width(), shape.height(), BufferedImage.TYPE_INT_RGB);
    paint(image, pixels, offset, shape, 0, 0);
    write(file, image);
  }

  /**
   * Writes each of the first {@code count} images as {@code dir/NNNNNN.png}, numbered from
   * {@code firstIndex} with six digits; returns the files in order.
   */
  public static List<Path> writeFolder(Path dir, byte[] images, int count, ImageShape shape, int firstIndex) {
    checkLength(images, count, shape);
    createDirectories(dir);
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(String.format("%06d.png", firstIndex + i));
      writePng(file, images, i * shape.pixels(), shape);
      files.add(file);
    }
    return files;
  }

  /** Writes the first {@code count} images of {@code data} as {@code dir/000000.png} onwards. */
  public static List<Path> writeFolder(Path dir, ImageDataset data, int count) {
    if (count < 0 || count > data.size()) {
      throw new IllegalArgumentException("count " + count + " outside 0.." + data.size());
    }
    createDirectories(dir);
    byte[] image = new byte[data.shape().pixels()];
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      data.read(i, image, 0);
      Path file = dir.resolve(String.format("%06d.png", i));
      writePng(file, image, 0, data.shape());
      files.add(file);
    }
    return files;
  }

  private static void paint(BufferedImage target, byte[] px, int offset, ImageShape shape, int top, int left) {
    int c = shape.channels();
    for (int y = 0; y < shape.height(); y++) {
      for (int x = 0; x < shape.width(); x++) {
        int p = offset + (y * shape.width() + x) * c;
        int r = px[p] & 0xFF;
        int rgb = c == 1 ? (r << 16) | (r << 8) | r : (r << 16) | ((px[p + 1] & 0xFF) << 8) | (px[p + 2] & 0xFF);
        target.setRGB(left + x, top + y, rgb);
      }
    }
  }

  private static void checkLength(byte[] images, int count, ImageShape shape) {
    if (count < 0 || (long) count * shape.pixels() > images.length) {
      throw new IllegalArgumentException(count + " images of " + shape + " need " + (long) count * shape.pixels()
          + " bytes, the array holds " + images.length);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void write(Path file, BufferedImage image) {
    try {
      AtomicFiles.write(file, out -> Imaging.writeImage(image, out, ImageFormats.PNG));
    } catch (ImagingException e) {
      throw new UncheckedIOException("cannot encode PNG " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
