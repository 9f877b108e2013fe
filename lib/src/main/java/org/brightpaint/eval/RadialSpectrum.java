package org.brightpaint.eval;

import org.brightpaint.image.FloatImage;

/**
 * Radially averaged power spectrum of an image, for measuring blur.
 *
 * <p>The centred {@code N x N} crop with {@code N} the largest power of two not above the
 * shorter side is mean-subtracted, multiplied by a 2-D Hann window (against edge leakage) and
 * transformed by a radix-2 FFT; power {@code |F(u,v)|^2 / N^2} is averaged over integer radii
 * {@code r = round(sqrt(u^2 + v^2))} (frequencies in cycles per image, {@code r / N} cycles per
 * pixel, Nyquist at {@code r = N/2}).
 *
 * <p>Reference: A. van der Schaaf, J. H. van Hateren, "Modelling the power spectra of natural
 * images", Vision Research 36(17), 1996, doi:10.1016/0042-6989(96)00002-8.
 */
public final class RadialSpectrum {
  private RadialSpectrum() {}

  /**
   * @param image an image at least 8 x 8
   * @return mean power per radius 0..N/2 (index = radius in cycles per image)
   */
  public static double[] of(FloatImage image) {
    int n = Integer.highestOneBit(Math.min(image.width(), image.height()));
    if (n < 8) {
      throw new IllegalArgumentException("Radial spectrum needs at least 8 x 8 pixels, got " + image.width() + " x " + image.height());
    }
    int x0 = (image.width() - n) / 2, y0 = (image.height() - n) / 2;
    double mean = 0;
    for (int y = 0; y < n; y++) for (int x = 0; x < n; x++) mean += image.at(x0 + x, y0 + y);
    mean /= (double) n * n;
    double[] re = new double[n * n], im = new double[n * n];
    for (int y = 0; y < n; y++) {
      double wy = 0.5 - 0.5 * Math.cos(2 * Math.PI * y / (n - 1));
      for (int x = 0; x < n; x++) {
        double wx = 0.5 - 0.5 * Math.cos(2 * Math.PI * x / (n - 1));
        re[y * n + x] = (image.at(x0 + x, y0 + y) - mean) * wx * wy;
      }
    }
    double[] rr = new double[n], ri = new double[n];
    for (int y = 0; y < n; y++) {
      System.arraycopy(re, y * n, rr, 0, n);
      System.arraycopy(im, y * n, ri, 0, n);
      fft(rr, ri);
      System.arraycopy(rr, 0, re, y * n, n);
      System.arraycopy(ri, 0, im, y * n, n);
    }
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        rr[y] = re[y * n + x];
        ri[y] = im[y * n + x];
      }
      fft(rr, ri);
      for (int y = 0; y < n; y++) {
        re[y * n + x] = rr[y];
        im[y * n + x] = ri[y];
      }
    }
    int half = n / 2;
    double[] sum = new double[half + 1];
    int[] cnt = new int[half + 1];
    for (int v = 0; v < n; v++) {
      int fv = v <= half ? v : v - n;
      for (int u = 0; u < n; u++) {
        int fu = u <= half ? u : u - n;
        int r = (int) Math.round(Math.sqrt((double) fu * fu + (double) fv * fv));
        if (r <= half) {
          double p = (re[v * n + u] * re[v * n + u] + im[v * n + u] * im[v * n + u]) / ((double) n * n);
          sum[r] += p;
          cnt[r]++;
        }
      }
    }
    for (int r = 0; r <= half; r++) sum[r] = cnt[r] == 0 ? 0 : sum[r] / cnt[r];
    return sum;
  }

  /**
   * Mean power at spatial frequencies of at least {@code cutoff} cycles per pixel.
   *
   * @param spectrum a spectrum from {@link #of}
   * @param cutoff cycles per pixel in (0, 0.5)
   * @return the mean radial power in the band [cutoff, 0.5]
   */
  public static double highFrequencyPower(double[] spectrum, double cutoff) {
    int n = 2 * (spectrum.length - 1);
    int r0 = (int) Math.ceil(cutoff * n);
    double s = 0;
    int c = 0;
    for (int r = r0; r < spectrum.length; r++) {
      s += spectrum[r];
      c++;
    }
    return c == 0 ? 0 : s / c;
  }

  /** In-place iterative radix-2 Cooley-Tukey FFT; length must be a power of two. */
  static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double ang = -2 * Math.PI / len;
      double wr = Math.cos(ang), wi = Math.sin(ang);
      for (int i = 0; i < n; i += len) {
        double cr = 1, ci = 0;
        for (int k = 0; k < len / 2; k++) {
          int a = i + k, b = i + k + len / 2;
          double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
          double t = cr * wr - ci * wi;
          ci = cr * wi + ci * wr;
          cr = t;
        }
      }
    }
  }
}
