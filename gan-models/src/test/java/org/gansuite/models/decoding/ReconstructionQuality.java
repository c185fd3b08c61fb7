package org.gansuite.models.decoding;

/**
 * Test-side PSNR of the auto-encoder's reconstructions, {@code 10 log10(255^2 / MSE)} per image on
 * 8-bit values (exact reconstructions counted in {@link Summary#excluded()}), for the pre-training
 * threshold test and the benchmark. The product's Table 1 (PSNR and SSIM) is computed by
 * gan-metrics in {@code bin/gan-bench reproduce --table 1}.
 */
public final class ReconstructionQuality {

  private ReconstructionQuality() {}

  /** PSNR in dB of two 8-bit images of equal size; infinite if they are equal. */
  public static double psnr(byte[] a, byte[] b) {
    if (a.length != b.length || a.length == 0) {
      throw new IllegalArgumentException("PSNR needs two non-empty images of one size, got " + a.length + " and " + b.length);
    }
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      int d = (a[i] & 0xFF) - (b[i] & 0xFF);
      sum += (long) d * d;
    }
    double mse = (double) sum / a.length;
    return 10 * Math.log10(255.0 * 255.0 / mse);
  }

  /** PSNR statistics of every image of {@code data} against its reconstruction with skips. */
  public static Summary psnr(AutoEncoderSession ae, org.gansuite.core.data.ImageDataset data) {
    var acc = new Summary.Accumulator();
    ae.reconstructions(data, (index, original, rebuilt) -> acc.add(psnr(original, rebuilt)));
    return acc.summary();
  }
}
