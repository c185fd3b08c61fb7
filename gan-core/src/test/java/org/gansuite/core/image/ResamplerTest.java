package org.gansuite.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gansuite.core.io.Sha256;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases, then Pillow 9.4's own output (Debian python3-pil) for the pattern of
 * {@link #pattern}, generated with:
 *
 * <pre>
 * im = Image.frombytes('RGB', (w, h), pattern(h, w, 3)); im.resize((ow, oh), Image.LANCZOS).tobytes()
 * im.crop((35, 55, 143, 163)).resize((64, 64), Image.LANCZOS)   # CelebA, 178 wide x 218 high
 * </pre>
 */
class ResamplerTest {

  static byte[] pattern(int h, int w, int c) {
    byte[] out = new byte[h * w * c];
    int i = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int ch = 0; ch < c; ch++) {
          out[i++] = (byte) ((y * 37 + x * 11 + ch * 101 + x * y * 7) % 256);
        }
      }
    }
    return out;
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void boxHalvingAveragesPairsRoundingHalfUp() {
    byte[] row = bytes(0, 71, 140, 210);
    assertArrayEquals(bytes(36, 175), Resampler.resize(row, 0, 1, 4, 1, 1, 2, ResampleFilter.BOX));
  }

  @Test
  void bilinearHalvingUsesTheWidenedTriangle() {
    // Scale 2 widens the triangle to support 2: taps at distances 0.5, 0.5, 1.5 weigh 3/4, 3/4, 1/4,
    // normalised to 3/7, 3/7, 1/7. Output 0 = (0*3 + 70*3 + 140*1) / 7 = 50;
    // output 1 = (70*1 + 140*3 + 210*3) / 7 = 160.
    byte[] row = bytes(0, 70, 140, 210);
    assertArrayEquals(bytes(50, 160), Resampler.resize(row, 0, 1, 4, 1, 1, 2, ResampleFilter.BILINEAR));
    byte[] column = bytes(0, 70, 140, 210);
    assertArrayEquals(bytes(50, 160), Resampler.resize(column, 0, 4, 1, 1, 2, 1, ResampleFilter.BILINEAR));
  }

  @Test
  void constantImageStaysConstantUnderEveryFilter() {
    byte[] flat = new byte[108 * 108 * 3];
    java.util.Arrays.fill(flat, (byte) 173);
    byte[] expected = new byte[64 * 64 * 3];
    java.util.Arrays.fill(expected, (byte) 173);
    for (ResampleFilter f : ResampleFilter.values()) {
      assertArrayEquals(expected, Resampler.resize(flat, 0, 108, 108, 3, 64, 64, f), f.name());
    }
  }

  @Test
  void matchesPillowDownscaling() {
    byte[] src = pattern(7, 9, 3);
    assertArrayEquals(bytes(20, 117, 170, 40, 158, 130, 69, 183, 124, 112, 181, 33, 128, 99, 83, 84, 202, 47, 148,
        182, 56, 178, 97, 129, 157, 110, 179, 129, 118, 142, 179, 153, 105, 154, 58, 183, 77, 136, 172, 109, 142, 112,
        155, 99, 127, 165, 59, 185, 55, 176, 102, 148, 121, 80, 164, 71, 160, 120, 166, 142),
        Resampler.resize(src, 0, 7, 9, 3, 4, 5, ResampleFilter.LANCZOS));
    assertArrayEquals(bytes(27, 128, 162, 50, 151, 130, 78, 170, 127, 106, 174, 52, 123, 115, 75, 91, 187, 63, 131,
        174, 77, 162, 107, 125, 156, 114, 160, 129, 116, 146, 163, 145, 113, 144, 85, 157, 98, 132, 162, 115, 140, 119,
        149, 101, 126, 156, 82, 167, 81, 153, 111, 144, 117, 99, 144, 91, 157, 124, 159, 135),
        Resampler.resize(src, 0, 7, 9, 3, 4, 5, ResampleFilter.BILINEAR));
    assertArrayEquals(bytes(26, 127, 164, 55, 156, 129, 77, 178, 151, 99, 200, 45, 128, 101, 74, 107, 208, 53, 164,
        137, 110, 207, 52, 153, 122, 95, 196, 115, 152, 125, 168, 141, 114, 118, 91, 192, 48, 149, 250, 107, 208, 53,
        185, 30, 131, 165, 74, 175, 72, 173, 82, 146, 119, 92, 156, 65, 166, 127, 164, 137),
        Resampler.resize(src, 0, 7, 9, 3, 4, 5, ResampleFilter.BOX));
  }

  @Test
  void matchesPillowUpscalingWithClippedLobes() {
    assertArrayEquals(bytes(0, 0, 1, 7, 12, 16, 22, 26, 28, 2, 3, 8, 15, 20, 24, 31, 36, 38, 13, 16, 21, 29, 35, 41,
        49, 54, 57, 35, 39, 46, 56, 64, 72, 82, 89, 93, 57, 62, 71, 84, 93, 103, 116, 125, 129, 69, 74, 83, 98, 109,
        119, 133, 143, 148, 75, 80, 90, 106, 117, 127, 143, 153, 158),
        Resampler.resize(pattern(3, 4, 1), 0, 3, 4, 1, 7, 9, ResampleFilter.LANCZOS));
  }

  @Test
  void matchesPillowOnTheCelebaCropAndResize() throws Exception {
    byte[] src = pattern(218, 178, 3);
    byte[] crop = new byte[108 * 108 * 3];
    for (int y = 0; y < 108; y++) {
      System.arraycopy(src, ((55 + y) * 178 + 35) * 3, crop, y * 108 * 3, 108 * 3);
    }
    byte[] out = Resampler.resize(crop, 0, 108, 108, 3, 64, 64, ResampleFilter.LANCZOS);
    assertArrayEquals(bytes(93, 88, 188, 140, 100, 146, 134, 136, 108, 114, 103, 117), java.util.Arrays.copyOf(out, 12));
    assertEquals("47a790878514c9e3d6bfb33d2e1c3af6a8909c8e91709bff042ad4c9f00b51ef",
        Sha256.of(out));
  }
}
