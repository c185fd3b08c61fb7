package org.gansuite.core.image;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.ImageFormat;
import org.apache.commons.imaging.ImageFormats;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.BufferedImageFactory;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.JpegImagingParameters;
import org.apache.commons.imaging.formats.png.PngImageParser;
import org.apache.commons.imaging.formats.png.PngImagingParameters;
import org.gansuite.core.data.DataFormatException;

/**
 * Decodes JPEG and PNG files to 8-bit pixels. PNG and other formats: Apache Commons Imaging decodes
 * first and the JDK's ImageIO where it cannot. JPEG: ImageIO first, whose pixels equal
 * libjpeg-turbo's (OpenCV's, Pillow's), and Commons Imaging where ImageIO cannot (some CMYK
 * files). Which decoder served a file depends only on the file, so decoding is deterministic. A
 * file neither can decode is an error naming the file.
 *
 * <p>An image's size is read from its header (PNG's IHDR, JPEG's SOF) before any pixel is decoded:
 * above {@link #maxPixels()} it is refused, so a small file claiming a huge image cannot exhaust
 * memory. A file decoded with warnings (a truncated JPEG, whose missing rows come out grey) is
 * kept, with a warning naming it.
 */
public final class ImageDecoder {

  /**
   * Default limit on width x height: 50 megapixels, a 200 MB raster while decoding, far above any
   * data set this suite reads (CelebA's originals are under 5 megapixels) and far below a heap.
   */
  public static final long DEFAULT_MAX_PIXELS = 50_000_000L;
  /** System property overriding {@link #DEFAULT_MAX_PIXELS} (the command line's --max-image-pixels sets it). */
  public static final String MAX_PIXELS_PROPERTY = "gansuite.maxImagePixels";

  private static final System.Logger LOG = System.getLogger(ImageDecoder.class.getName());

  private ImageDecoder() {}

  /** The largest image decoded, in pixels: {@value #MAX_PIXELS_PROPERTY} if set, else {@link #DEFAULT_MAX_PIXELS}. */
  public static long maxPixels() {
    return Long.getLong(MAX_PIXELS_PROPERTY, DEFAULT_MAX_PIXELS);
  }

  /** Reads and decodes {@code file}. */
  public static BufferedImage read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DataFormatException(file, "image file not found", e);
    } catch (IOException e) {
      throw new DataFormatException(file, "cannot read: " + e, e);
    }
    return decode(file.toString(), bytes);
  }

  /** Decodes the bytes of an image file; {@code name} names it in errors. */
  public static BufferedImage decode(String name, byte[] bytes) {
    int[] size = headerSize(bytes);
    long limit = maxPixels();
    if (size != null && (long) size[0] * size[1] > limit) {
      throw new DataFormatException(name, String.format(Locale.ROOT, "the header says %d x %d pixels (%,d), above the "
          + "limit of %,d; --max-image-pixels raises it", size[0], size[1], (long) size[0] * size[1], limit));
    }
    // JPEG: ImageIO first. Its libjpeg-derived decoder (fancy chroma upsampling) gives exactly
    // libjpeg-turbo's pixels, as OpenCV and Pillow decode them; Commons Imaging's own decoder
    // differs by up to ~40 levels on most pixels of textured colour JPEGs.
    List<Decoder> order = isJpeg(bytes) ? List.of(IMAGE_IO, COMMONS) : List.of(COMMONS, IMAGE_IO);
    List<String> failures = new ArrayList<>();
    Exception last = null;
    for (Decoder d : order) {
      try {
        BufferedImage image = d.read().decode(name, bytes);
        if (image != null) {
          return image;
        }
        failures.add(d.name() + ": no image");
      } catch (IOException | RuntimeException e) {
        // Commons Imaging throws unchecked exceptions too on some malformed streams.
        failures.add(d.name() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        last = e;
      }
    }
    throw new DataFormatException(name, "cannot decode image (" + String.join("; ", failures) + ")", last);
  }

  private interface Reader {
    BufferedImage decode(String name, byte[] bytes) throws IOException;
  }

  private record Decoder(String name, Reader read) {}

  private static final Decoder COMMONS = new Decoder("Commons Imaging", (name, bytes) -> commonsImaging(bytes));
  private static final Decoder IMAGE_IO = new Decoder("ImageIO", ImageDecoder::imageIo);

  /**
   * Width and height as the file's header gives them, no pixel decoded (ImageIO's reader for
   * PNG, JPEG and the others it knows, Commons Imaging's otherwise); null when neither reads it,
   * and decoding then fails with its own message.
   */
  static int[] headerSize(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (readers.hasNext()) {
        ImageReader r = readers.next();
        try {
          r.setInput(in, true, true);
          return new int[] {r.getWidth(0), r.getHeight(0)};
        } finally {
          r.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      // ImageIO cannot read this header: Commons Imaging may.
    }
    try {
      Dimension d = Imaging.getImageSize(bytes);
      return new int[] {d.width, d.height};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** ImageIO's decoding (as {@code ImageIO.read}), with its warnings logged as one line naming the file. */
  private static BufferedImage imageIo(String name, byte[] bytes) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader r = readers.next();
      List<String> warnings = new ArrayList<>();
      r.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      try {
        r.setInput(in, true, true);
        BufferedImage image = r.read(0);
        if (!warnings.isEmpty()) {
          LOG.log(System.Logger.Level.WARNING, name + ": damaged or truncated image, read as far as it goes ("
              + String.join("; ", warnings) + ")");
        }
        return image;
      } finally {
        r.dispose();
      }
    }
  }

  /** JPEG's start-of-image marker. */
  private static boolean isJpeg(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
  }

  /**
   * Decodes with Commons Imaging. Its default image factory stores grey images in a linear-grey
   * {@code TYPE_BYTE_GRAY} raster through {@code setRGB}, which darkens the stored values and merges
   * the darkest ones; an RGB factory keeps every grey value exact.
   */
  private static BufferedImage commonsImaging(byte[] bytes) throws IOException {
    ImageFormat format = Imaging.guessFormat(bytes);
    if (format == ImageFormats.PNG) {
      return new PngImageParser().getBufferedImage(bytes, new PngImagingParameters().setBufferedImageFactory(RGB));
    }
    if (format == ImageFormats.JPEG) {
      return new JpegImageParser().getBufferedImage(bytes, new JpegImagingParameters().setBufferedImageFactory(RGB));
    }
    return Imaging.getBufferedImage(bytes);
  }

  /** Colour and grey alike as 8-bit RGB(A) integers, so {@code getRGB} returns what was decoded. */
  private static final BufferedImageFactory RGB = new BufferedImageFactory() {
    @Override
    public BufferedImage getColorBufferedImage(int width, int height, boolean hasAlpha) {
      return new BufferedImage(width, height, hasAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public BufferedImage getGrayscaleBufferedImage(int width, int height, boolean hasAlpha) {
      return getColorBufferedImage(width, height, hasAlpha);
    }
  };

  /**
   * The pixels of {@code image} as HWC bytes with {@code channels} 3 (RGB) or 1 (grey). Grey
   * rasters (ImageIO decodes grey files to them) are read as stored: {@code getRGB} would pass
   * them through a linear-to-sRGB conversion that changes their values. RGB becomes grey with OpenCV's fixed-point BT.601
   * weights, {@code (R*4899 + G*9617 + B*1868 + 8192) >> 14}, the conversion the clarity metric
   * uses. Alpha is ignored.
   */
  public static byte[] pixels(BufferedImage image, int channels) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h * channels];
    Raster raster = image.getRaster();
    if (isStoredGrey(image)) {
      int shift = raster.getSampleModel().getSampleSize(0) - 8;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int v = shift > 0 ? row[x] >> shift : row[x];
          for (int c = 0; c < channels; c++) {
            out[(y * w + x) * channels + c] = (byte) v;
          }
        }
      }
      return out;
    }
    int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < rgb.length; i++) {
      int r = (rgb[i] >> 16) & 0xFF;
      int g = (rgb[i] >> 8) & 0xFF;
      int b = rgb[i] & 0xFF;
      if (channels == 3) {
        out[3 * i] = (byte) r;
        out[3 * i + 1] = (byte) g;
        out[3 * i + 2] = (byte) b;
      } else {
        out[i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
      }
    }
    return out;
  }

  private static boolean isStoredGrey(BufferedImage image) {
    Raster raster = image.getRaster();
    int type = raster.getDataBuffer().getDataType();
    return image.getColorModel() instanceof ComponentColorModel
        && image.getColorModel().getNumColorComponents() == 1
        && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT);
  }
}
