package org.gansuite.core.data;

import java.util.Objects;
import org.gansuite.core.UserError;
import org.gansuite.core.image.ResampleFilter;

/**
 * How images of a folder become a data set: an optional crop (applied first), an optional resize
 * (0x0 keeps the cropped size, and then every image must have that size), the channels (3 = RGB,
 * 1 = grey) and the resampling filter.
 */
public record FolderOptions(Crop crop, int height, int width, int channels, ResampleFilter filter) {

  /** A rectangle of the source image: top row, left column, height, width. */
  public record Crop(int top, int left, int height, int width) {
    public Crop {
      if (top < 0 || left < 0 || height < 1 || width < 1) {
        throw new UserError("crop needs top, left >= 0 and a positive size, got " + this);
      }
    }

    @Override
    public String toString() {
      return height + "x" + width + "@" + top + "," + left;
    }
  }

  /** CelebA as PROTOCOL.md prepares it: 108x108 at row 55, column 35, Lanczos to 64x64, RGB. */
  public static final FolderOptions CELEBA =
      new FolderOptions(new Crop(55, 35, 108, 108), 64, 64, 3, ResampleFilter.LANCZOS);

  /** RGB images kept at their size (all must then be alike). */
  public static final FolderOptions DEFAULT = new FolderOptions(null, 0, 0, 3, ResampleFilter.LANCZOS);

  /**
   * @param crop null for none
   */
  public FolderOptions {
    if ((height == 0) != (width == 0) || height < 0 || width < 0) {
      throw new UserError("resize needs a positive height and width, or 0x0 for none; got "
          + height + "x" + width);
    }
    if (channels != 1 && channels != 3) {
      throw new UserError("channels must be 1 or 3, got " + channels);
    }
    Objects.requireNonNull(filter, "filter");
  }

  public boolean resizes() {
    return height > 0;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder; every setting is optional and defaults to {@link #DEFAULT}'s. */
  public static final class Builder {
    private Crop crop;
    private int height;
    private int width;
    private int channels = 3;
    private ResampleFilter filter = ResampleFilter.LANCZOS;

    public Builder optCrop(int top, int left, int height, int width) {
      this.crop = new Crop(top, left, height, width);
      return this;
    }

    public Builder optResize(int height, int width) {
      this.height = height;
      this.width = width;
      return this;
    }

    public Builder optChannels(int channels) {
      this.channels = channels;
      return this;
    }

    public Builder optFilter(ResampleFilter filter) {
      this.filter = filter;
      return this;
    }

    public FolderOptions build() {
      return new FolderOptions(crop, height, width, channels, filter);
    }
  }

  @Override
  public String toString() {
    return "crop=" + (crop == null ? "none" : crop) + " resize=" + (resizes() ? height + "x" + width : "none")
        + " channels=" + channels + " filter=" + filter;
  }
}
