package org.gansuite.metrics;

/**
 * 8-bit RGB to grey in OpenCV's fixed point: {@code (R*r + G*g + B*b + 2^(shift-1)) >> shift}.
 *
 * <p>PROTOCOL.md quotes the 14-bit weights (4899, 9617, 1868), but OpenCV 4's cvtColor for 8-bit
 * images uses 15-bit ones (9798, 19235, 3735): checked against cv2 4.6 on every R with a 3-step
 * grid of G and B (1.9 million colours, no difference), while the 14-bit formula differs by 1 on
 * about 0.3% of colours. {@link #OPENCV_4} is therefore the default; {@link #OPENCV_14BIT} keeps
 * the quoted formula available.
 */
public enum GreyConversion {
  /** OpenCV 4.x {@code COLOR_RGB2GRAY} on 8-bit images (RY15, GY15, BY15). */
  OPENCV_4(9798, 19235, 3735, 15),
  /** The 14-bit weights (R2Y, G2Y, B2Y) quoted in PROTOCOL.md. */
  OPENCV_14BIT(4899, 9617, 1868, 14);

  private final int r;
  private final int g;
  private final int b;
  private final int shift;

  GreyConversion(int r, int g, int b, int shift) {
    this.r = r;
    this.g = g;
    this.b = b;
    this.shift = shift;
  }

  public int[] weights() {
    return new int[] {r, g, b};
  }

  public int shift() {
    return shift;
  }

  /** Grey value of one RGB pixel, 0..255 in, 0..255 out. */
  public int grey(int red, int green, int blue) {
    return (red * r + green * g + blue * b + (1 << (shift - 1))) >> shift;
  }
}
