package org.brightpaint.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.Test;

class ArtifactsTest {

  /** 64x64: background 0.1 with small noise, four textured "cells" of mean 0.6. */
  static FloatImage cells(long seed) {
    Random r = new Random(seed);
    int n = 64;
    float[] p = new float[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        boolean cell = ((x / 16) + (y / 16)) % 2 == 0 && x % 16 > 2 && x % 16 < 14 && y % 16 > 2 && y % 16 < 14;
        p[y * n + x] = (float) (cell ? 0.6 + 0.1 * ((x + y) % 2 == 0 ? 1 : -1) : 0.1 + 0.01 * r.nextGaussian());
      }
    }
    return new FloatImage(n, n, p);
  }

  static FloatImage boxBlur(FloatImage img) {
    int w = img.width(), h = img.height();
    float[] o = new float[w * h];
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) {
      double s = 0;
      int c = 0;
      for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx, yy = y + dy;
        if (xx >= 0 && yy >= 0 && xx < w && yy < h) { s += img.at(xx, yy); c++; }
      }
      o[y * w + x] = (float) (s / c);
    }
    return new FloatImage(w, h, o);
  }

  @Test
  void fftOfImpulseIsFlat() {
    double[] re = {1, 0, 0, 0, 0, 0, 0, 0}, im = new double[8];
    RadialSpectrum.fft(re, im);
    for (int i = 0; i < 8; i++) {
      assertEquals(1, re[i], 1e-12);
      assertEquals(0, im[i], 1e-12);
    }
    double[] re2 = {1, 1, 1, 1}, im2 = new double[4];
    RadialSpectrum.fft(re2, im2);
    assertArrayEquals(new double[] {4, 0, 0, 0}, re2, 1e-12);
  }

  @Test
  void identicalImagesHaveNeutralMeasures() {
    FloatImage a = cells(1);
    ArtifactMeasures m = Artifacts.measure(a, a.copy());
    assertEquals(1, m.blurRatio(), 1e-12);
    assertEquals(1, m.structureRatio(), 1e-12);
    assertEquals(0, m.foregroundShift(), 1e-12);
    assertEquals(0, m.backgroundOffset(), 1e-12);
    assertEquals(1, m.backgroundNoiseRatio(), 1e-12);
    assertTrue(m.foregroundFraction() > 0.2 && m.foregroundFraction() < 0.4, "" + m.foregroundFraction());
  }

  @Test
  void blurCollapsedStructureShiftAndNoiseAreDetected() {
    FloatImage real = cells(1);
    ArtifactMeasures blur = Artifacts.measure(real, boxBlur(real));
    assertTrue(blur.blurRatio() < 0.3, "blur " + blur.blurRatio());
    assertTrue(blur.structureRatio() < 0.5, "structure " + blur.structureRatio());
    float[] shifted = real.pixels().clone();
    Random r = new Random(5);
    for (int i = 0; i < shifted.length; i++) shifted[i] += 0.05f + (float) (0.05 * r.nextGaussian());
    ArtifactMeasures noisy = Artifacts.measure(real, new FloatImage(64, 64, shifted));
    assertEquals(0.05, noisy.backgroundOffset(), 0.01);
    assertEquals(0.05, noisy.foregroundShift(), 0.01);
    assertTrue(noisy.backgroundNoiseRatio() > 4, "noise " + noisy.backgroundNoiseRatio());
    int[] worst = Gallery.worst(List.of(noisy, blur), ArtifactKind.BLUR, 1);
    assertEquals(1, worst[0]);
    assertEquals(0, Gallery.worst(List.of(noisy, blur), ArtifactKind.BACKGROUND_NOISE, 1)[0]);
  }

  @Test
  void galleryHasThreePanelsPerRow() {
    FloatImage real = cells(1);
    var img = Gallery.montage(List.of(new Gallery.Item("a", real, boxBlur(real)), new Gallery.Item("b", real, real)));
    assertEquals(3 * 64 + 8, img.getWidth());
    assertEquals(2 * (64 + 16 + 4), img.getHeight());
  }
}
