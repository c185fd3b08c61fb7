package org.gansuite.core.data;

import org.gansuite.core.UserError;

/** Height, width and channels of one image (NHWC layout without the batch axis). */
public record ImageShape(int height, int width, int channels) {

  public ImageShape {
    if (height <= 0 || width <= 0) {
      throw new UserError("image size must be positive, got " + height + "x" + width);
    }
    if (channels != 1 && channels != 3) {
      throw new UserError("channels must be 1 or 3, got " + channels);
    }
  }

  /** Number of values in one image. */
  public int pixels() {
    return height * width * channels;
  }

  /** Parses {@code 32x32x3} (height x width x channels). */
  public static ImageShape parse(String text) {
    String[] parts = text.trim().toLowerCase().split("x");
    if (parts.length != 3) {
      throw new UserError("image shape must look like 32x32x3, got '" + text + "'");
    }
    try {
      return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new UserError("image shape must look like 32x32x3, got '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
