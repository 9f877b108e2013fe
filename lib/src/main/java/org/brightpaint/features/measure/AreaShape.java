package org.brightpaint.features.measure;

import java.util.Arrays;
import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.features.ops.ConvexHull;
import org.brightpaint.features.ops.DistanceTransform;
import org.brightpaint.features.ops.Labels;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler's {@code MeasureObjectSizeShape} (revision 3, Zernike on, advanced off), which in
 * 4.0.6 reads {@code skimage.measure.regionprops}. Per object, with pixel centres (x = column,
 * y = row):
 * <ul>
 *   <li>{@code Area} = pixel count; {@code Perimeter}: scikit-image's 4-neighbourhood estimator
 *       (border pixels classified by a weighted 3x3 code: straight 1, diagonal sqrt 2, corner
 *       (1 + sqrt 2) / 2); {@code FormFactor} = 4 pi A / P^2; {@code Compactness} = P^2 / (4 pi A);
 *   <li>{@code Major/MinorAxisLength} = 4 sqrt(lambda_1,2) of the central second-moment matrix,
 *       {@code Eccentricity} = sqrt(1 - lambda_2 / lambda_1), {@code Orientation} =
 *       {@code 0.5 atan2(-2 mu_xy, mu_yy - mu_xx)} in radians, in [-pi/2, pi/2] (what CellProfiler 4.0.6
 *       exports);
 *   <li>{@code Solidity} = A / (pixels whose centre lies in the convex hull of the pixels' edge
 *       midpoints, by scikit-image 0.16's crossing-number test); {@code Extent} = A / bounding-box area; {@code EulerNumber} = components
 *       (8-connected) - holes (4-connected); {@code EquivalentDiameter} = sqrt(4 A / pi);
 *   <li>{@code Maximum/Mean/MedianRadius}: of the distance of each pixel to the nearest pixel
 *       outside the object; {@code Min/MaxFeretDiameter}: calipers over the convex hull of pixel
 *       centres; {@code Zernike_n_m}: {@link Zernike}; {@code BoundingBox*} with exclusive maxima;
 *       {@code Center_X/Y} = centroid.
 * </ul>
 * Objects without pixels (label gaps) get Area 0 and NaN elsewhere. One-pixel objects get
 * Perimeter 0, FormFactor NaN (CellProfiler computes 4 pi A / 0 = inf and exports it as NaN) and
 * NaN Zernike moments (zero enclosing radius).
 */
public final class AreaShape {

  /** Feature names in output order (without the {@code AreaShape_} prefix). */
  public static final List<String> BASIC = List.of(
      "Area", "BoundingBoxArea", "BoundingBoxMaximum_X", "BoundingBoxMaximum_Y", "BoundingBoxMinimum_X",
      "BoundingBoxMinimum_Y", "Center_X", "Center_Y", "Compactness", "Eccentricity", "EquivalentDiameter",
      "EulerNumber", "Extent", "FormFactor", "MajorAxisLength", "MaxFeretDiameter", "MaximumRadius",
      "MeanRadius", "MedianRadius", "MinFeretDiameter", "MinorAxisLength", "Orientation", "Perimeter",
      "Solidity");

  private static final double SQ2 = Math.sqrt(2);

  private AreaShape() {}

  /** @return all 54 column names, each prefixed {@code AreaShape_} */
  public static List<String> names() {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (String b : BASIC) {
      out.add("AreaShape_" + b);
    }
    for (int[] nm : Zernike.indices(Zernike.MAX_ORDER)) {
      out.add("AreaShape_Zernike_" + nm[0] + "_" + nm[1]);
    }
    return out;
  }

  /**
   * Measures every object.
   *
   * @param labels the objects ({@code 1..count})
   * @return 54 columns, one value per object
   * @throws IllegalArgumentException on a label outside {@code 0..labels.count()}
   */
  public static FeatureSet measure(LabelImage labels) {
    return measure(ObjectIndex.of(labels));
  }

  /**
   * Measures every object, indexed by the caller.
   *
   * @param index the objects
   * @return 54 columns, one value per object
   */
  public static FeatureSet measure(ObjectIndex index) {
    int n = index.count;
    int w = index.width;
    List<int[]> pairs = Zernike.indices(Zernike.MAX_ORDER);
    List<String> names = names();
    double[][] cols = new double[names.size()][n];
    int[] starts = index.start;
    int[] idx = index.pixels;
    for (int l = 1; l <= n; l++) {
      int s = starts[l - 1];
      int e = starts[l];
      double[] row = measureOne(idx, s, e, w, pairs);
      for (int c = 0; c < row.length; c++) {
        cols[c][l - 1] = row[c];
      }
    }
    FeatureSet.Builder b = FeatureSet.builder(n);
    for (int c = 0; c < names.size(); c++) {
      b.put(names.get(c), cols[c]);
    }
    return b.build();
  }

  private static double[] measureOne(int[] idx, int s, int e, int w, List<int[]> pairs) {
    int nb = BASIC.size();
    double[] out = new double[nb + pairs.size()];
    int area = e - s;
    if (area == 0) {
      Arrays.fill(out, Double.NaN);
      out[0] = 0;
      return out;
    }
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    double sx = 0;
    double sy = 0;
    double[] xs = new double[area];
    double[] ys = new double[area];
    for (int k = s; k < e; k++) {
      int x = idx[k] % w;
      int y = idx[k] / w;
      xs[k - s] = x;
      ys[k - s] = y;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
      sx += x;
      sy += y;
    }
    double cx = sx / area;
    double cy = sy / area;
    double mxx = 0;
    double myy = 0;
    double mxy = 0;
    for (int k = 0; k < area; k++) {
      double dx = xs[k] - cx;
      double dy = ys[k] - cy;
      mxx += dx * dx;
      myy += dy * dy;
      mxy += dx * dy;
    }
    mxx /= area;
    myy /= area;
    mxy /= area;
    // scikit-image inertia tensor [[a, b], [b, c]] with a = mu_cc (x), c = mu_rr (y), b = -mu_rc
    double a = mxx;
    double c = myy;
    double b = -mxy;
    double half = Math.sqrt(((a - c) / 2) * ((a - c) / 2) + b * b);
    double l1 = (a + c) / 2 + half;
    double l2 = Math.max(0, (a + c) / 2 - half);
    double orientation;
    if (a - c == 0) {
      orientation = b < 0 ? -Math.PI / 4 : Math.PI / 4;
    } else {
      orientation = 0.5 * Math.atan2(-2 * b, c - a);
    }
    // crop with a one-pixel frame
    int cw = maxX - minX + 3;
    int ch = maxY - minY + 3;
    boolean[] mask = new boolean[cw * ch];
    for (int k = 0; k < area; k++) {
      mask[((int) ys[k] - minY + 1) * cw + ((int) xs[k] - minX + 1)] = true;
    }
    double perimeter = perimeter(mask, cw, ch);
    double[] dist = DistanceTransform.edt(mask, cw, ch);
    double[] radii = new double[area];
    double maxR = 0;
    double sumR = 0;
    for (int k = 0; k < area; k++) {
      double d = dist[((int) ys[k] - minY + 1) * cw + ((int) xs[k] - minX + 1)];
      radii[k] = d;
      maxR = Math.max(maxR, d);
      sumR += d;
    }
    Arrays.sort(radii);
    double medianR = area % 2 == 1 ? radii[area / 2] : (radii[area / 2 - 1] + radii[area / 2]) / 2;
    // the hull of an object is the hull of its row extremes (pixels are in raster order)
    double[][] ext = rowExtremes(xs, ys);
    double[][] hullCentres = ConvexHull.of(ext[0], ext[1]);
    double maxFeret = ConvexHull.maxFeret(hullCentres);
    double minFeret = ConvexHull.minFeret(hullCentres);
    double[] mec = ConvexHull.minimumEnclosingCircle(hullCentres[0], hullCentres[1]);
    double convexArea = convexArea(ext[0], ext[1], minX, minY, maxX, maxY);
    int euler = eulerNumber(mask, cw, ch);
    int bboxArea = (maxX - minX + 1) * (maxY - minY + 1);
    int i = 0;
    out[i++] = area;
    out[i++] = bboxArea;
    out[i++] = maxX + 1;
    out[i++] = maxY + 1;
    out[i++] = minX;
    out[i++] = minY;
    out[i++] = cx;
    out[i++] = cy;
    out[i++] = perimeter * perimeter / (4 * Math.PI * area);
    out[i++] = l1 > 0 ? Math.sqrt(1 - l2 / l1) : 0;
    out[i++] = Math.sqrt(4.0 * area / Math.PI);
    out[i++] = euler;
    out[i++] = (double) area / bboxArea;
    out[i++] = perimeter > 0 ? 4 * Math.PI * area / (perimeter * perimeter) : Double.NaN;
    out[i++] = 4 * Math.sqrt(l1);
    out[i++] = maxFeret;
    out[i++] = maxR;
    out[i++] = sumR / area;
    out[i++] = medianR;
    out[i++] = minFeret;
    out[i++] = 4 * Math.sqrt(l2);
    out[i++] = orientation;
    out[i++] = perimeter;
    out[i++] = area / convexArea;
    double[] z = Zernike.moments(xs, ys, mec[0], mec[1], mec[2], pairs);
    System.arraycopy(z, 0, out, i, z.length);
    return out;
  }

  private static double[][] rowExtremes(double[] xs, double[] ys) {
    int n = xs.length;
    double[] ex = new double[n];
    double[] ey = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      boolean first = i == 0 || ys[i - 1] != ys[i];
      boolean last = i == n - 1 || ys[i + 1] != ys[i];
      if (first || last) {
        ex[k] = xs[i];
        ey[k] = ys[i];
        k++;
      }
    }
    return new double[][] {java.util.Arrays.copyOf(ex, k), java.util.Arrays.copyOf(ey, k)};
  }

  /**
   * scikit-image's {@code perimeter(image, neighbourhood=4)} of a mask.
   *
   * @param mask flags (the frame must be background)
   * @param w columns
   * @param h rows
   * @return the perimeter estimate
   * @throws IllegalArgumentException when a frame pixel is set
   */
  public static double perimeter(boolean[] mask, int w, int h) {
    boolean[] border = new boolean[mask.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = y * w + x;
        if (!mask[p]) {
          continue;
        }
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
          throw new IllegalArgumentException("perimeter needs a background frame, pixel (" + x + ", " + y + ") is set");
        }
        border[p] = !(mask[p - 1] && mask[p + 1] && mask[p - w] && mask[p + w]);
      }
    }
    // Only border pixels can score (every scoring code is odd: 1 for the pixel itself plus even
    // neighbour weights), so the sum visits them alone, in raster order as over every pixel; a
    // border pixel is never in the background frame, so its eight neighbours are inside the crop.
    double total = 0;
    for (int p = 0; p < mask.length; p++) {
      if (!border[p]) {
        continue;
      }
      int code = 1;
      code += border[p - 1] ? 2 : 0;
      code += border[p + 1] ? 2 : 0;
      code += border[p - w] ? 2 : 0;
      code += border[p + w] ? 2 : 0;
      code += border[p - w - 1] ? 10 : 0;
      code += border[p - w + 1] ? 10 : 0;
      code += border[p + w - 1] ? 10 : 0;
      code += border[p + w + 1] ? 10 : 0;
      switch (code) {
        case 5, 7, 15, 17, 25, 27 -> total += 1;
        case 21, 33 -> total += SQ2;
        case 13, 23 -> total += (1 + SQ2) / 2;
        default -> { }
      }
    }
    return total;
  }

  /**
   * Pixels whose centre lies in (or on) the convex hull of the objects' pixel edge midpoints, as
   * {@code skimage.morphology.convex_hull_image}.
   */
  private static double convexArea(double[] xs, double[] ys, int minX, int minY, int maxX, int maxY) {
    int n = xs.length; // row extremes: the midpoints of the other pixels lie inside their hull
    double[] px = new double[4 * n];
    double[] py = new double[4 * n];
    for (int k = 0; k < n; k++) {
      px[4 * k] = xs[k] - 0.5;
      py[4 * k] = ys[k];
      px[4 * k + 1] = xs[k] + 0.5;
      py[4 * k + 1] = ys[k];
      px[4 * k + 2] = xs[k];
      py[4 * k + 2] = ys[k] - 0.5;
      px[4 * k + 3] = xs[k];
      py[4 * k + 3] = ys[k] + 0.5;
    }
    double[][] hull = ConvexHull.of(px, py);
    // scikit-image 0.16 grid_points_in_poly: crossing-number test (pnpoly) with the vertices as
    // (row, col) = (vy, vx); boundary points follow pnpoly's half-open rule
    double[] vr = hull[1];
    double[] vc = hull[0];
    int m = vr.length;
    if (m < 3) {
      return n;
    }
    // pnpoly(xp = rows, yp = cols, x = row, y = col) at every pixel of the box: which edges a
    // crossing test counts depends on x alone, so their crossing values are computed once per x
    // (the same expression, the same doubles) and each pixel tests only those
    int count = 0;
    double[] cross = new double[m];
    for (int x = minX; x <= maxX; x++) {
      int k = 0;
      for (int i = 0, j = m - 1; i < m; j = i++) {
        if ((vc[i] <= x && x < vc[j]) || (vc[j] <= x && x < vc[i])) {
          cross[k++] = (vr[j] - vr[i]) * (x - vc[i]) / (vc[j] - vc[i]) + vr[i];
        }
      }
      if (k == 0) {
        continue;
      }
      for (int y = minY; y <= maxY; y++) {
        boolean c = false;
        for (int t = 0; t < k; t++) {
          if (y < cross[t]) {
            c = !c;
          }
        }
        if (c) {
          count++;
        }
      }
    }
    return count;
  }

  private static int eulerNumber(boolean[] mask, int w, int h) {
    int[] comps = Labels.components(mask, w, h, true);
    int objects = Labels.max(comps);
    boolean[] bg = new boolean[mask.length];
    for (int i = 0; i < bg.length; i++) {
      bg[i] = !mask[i];
    }
    int[] holes = Labels.components(bg, w, h, false);
    // the frame is background, so component 1 is the outside
    int nh = Labels.max(holes) - 1;
    return objects - nh;
  }
}
