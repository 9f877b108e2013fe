package org.brightpaint.features.measure;

/**
 * A direct, dense transcription of mahotas 1.4 {@code haralick_features} (default flags) used as
 * an independent reference for the sparse implementation in {@link Glcm}.
 */
final class DenseHaralick {
  private DenseHaralick() {}

  static double[] features(long[][] cmat, int size) {
    int maxv = size;
    double t = 0;
    for (long[] row : cmat) {
      for (long v : row) {
        t += v;
      }
    }
    double[][] p = new double[maxv][maxv];
    for (int i = 0; i < cmat.length && i < maxv; i++) {
      for (int j = 0; j < cmat.length && j < maxv; j++) {
        p[i][j] = cmat[i][j] / t;
      }
    }
    double[] px = new double[maxv];
    double[] py = new double[maxv];
    for (int i = 0; i < maxv; i++) {
      for (int j = 0; j < maxv; j++) {
        px[j] += p[i][j];
        py[i] += p[i][j];
      }
    }
    double ux = 0;
    double uy = 0;
    double vx = 0;
    double vy = 0;
    for (int k = 0; k < maxv; k++) {
      ux += k * px[k];
      uy += k * py[k];
      vx += (double) k * k * px[k];
      vy += (double) k * k * py[k];
    }
    vx -= ux * ux;
    vy -= uy * uy;
    double sx = Math.sqrt(vx);
    double sy = Math.sqrt(vy);
    double[] plus = new double[2 * maxv];
    double[] minus = new double[maxv];
    double asm = 0;
    double ij = 0;
    double idm = 0;
    for (int i = 0; i < maxv; i++) {
      for (int j = 0; j < maxv; j++) {
        plus[i + j] += p[i][j];
        minus[Math.abs(i - j)] += p[i][j];
        asm += p[i][j] * p[i][j];
        ij += (double) i * j * p[i][j];
        idm += p[i][j] / (1.0 + (i - j) * (i - j));
      }
    }
    double[] f = new double[13];
    f[0] = asm;
    for (int k = 0; k < maxv; k++) {
      f[1] += (double) k * k * minus[k];
    }
    f[2] = (sx == 0 || sy == 0) ? 1.0 : (ij - ux * uy) / sx / sy;
    f[3] = vx;
    f[4] = idm;
    double sa = 0;
    double s2 = 0;
    for (int k = 0; k < 2 * maxv; k++) {
      sa += k * plus[k];
      s2 += (double) k * k * plus[k];
    }
    f[5] = sa;
    f[7] = entropy(plus);
    f[6] = s2 - sa * sa;
    double hxy = 0;
    for (double[] row : p) {
      hxy += entropy(row);
    }
    f[8] = hxy;
    double mean = 0;
    for (double v : minus) {
      mean += v;
    }
    mean /= maxv;
    double var = 0;
    for (double v : minus) {
      var += (v - mean) * (v - mean);
    }
    f[9] = var / maxv;
    f[10] = entropy(minus);
    double hx = entropy(px);
    double hy = entropy(py);
    double hxy1 = 0;
    double hxy2 = 0;
    for (int i = 0; i < maxv; i++) {
      for (int j = 0; j < maxv; j++) {
        double c = px[i] * py[j];
        if (c == 0) {
          c = 1;
        }
        hxy1 -= p[i][j] * Math.log(c) / Math.log(2);
        hxy2 -= (c == 1 && px[i] * py[j] == 0 ? 0 : c * Math.log(c) / Math.log(2));
      }
    }
    double m = Math.max(hx, hy);
    f[11] = m == 0 ? hxy - hxy1 : (hxy - hxy1) / m;
    f[12] = Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (hxy2 - hxy))));
    return f;
  }

  private static double entropy(double[] q) {
    double h = 0;
    for (double v : q) {
      if (v > 0) {
        h -= v * Math.log(v) / Math.log(2);
      }
    }
    return h;
  }
}
