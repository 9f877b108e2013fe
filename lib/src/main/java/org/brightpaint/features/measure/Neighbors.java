package org.brightpaint.features.measure;

import java.util.ArrayList;
import java.util.List;
import org.brightpaint.features.FeatureSet;
import org.brightpaint.image.LabelImage;

/**
 * CellProfiler 4.0.6 MeasureObjectNeighbors with neighbours = the objects themselves, for the
 * methods CPJUMP1 uses: "Within a specified distance" (Cells 5, Nuclei 1) and "Adjacent" (Cells).
 *
 * <p>Definitions for object o (all objects of the "with discarded" segmentation S take part as
 * neighbours; see {@link #measure(LabelImage, LabelImage, Options)}):
 *
 * <ul>
 *   <li>{@code NumberOfNeighbors}: distinct other labels inside o dilated by the disk {@code x^2 +
 *       y^2 <= d^2} (d = distance; "Adjacent" uses d = 1, the 4-connected cross).
 *   <li>{@code PercentTouching}: 100 x the number of o's outline pixels (pixels with an 8-neighbour
 *       of another label, or on the image edge: centrosome {@code outline}) that lie within the disk
 *       of radius d + 0.5 of another object, / the number of o's outline pixels.
 *   <li>{@code FirstClosestDistance}, {@code SecondClosestDistance}: distances between centroids
 *       (mean x, mean y of the pixels) to the nearest and second nearest other object of S; {@code
 *       AngleBetweenNeighbors}: the angle in degrees between the vectors to those two.
 *   <li>{@code FirstClosestObjectNumber}, {@code SecondClosestObjectNumber}: the same ranking
 *       recomputed over the kept objects only (1-based label), 0 when there are too few objects.
 * </ul>
 *
 * <p>Names: {@code Neighbors_<Feature>_<d>} or {@code Neighbors_<Feature>_Adjacent}, e.g. {@code
 * Neighbors_NumberOfNeighbors_5}; order as {@link FeatureNames#NEIGHBORS}.
 *
 * <p>Conventions (CellProfiler's): with a single object everything is 0; with two, the second
 * closest distance and the angle are 0. A label without pixels gets 0 neighbours, 0 % touching,
 * object numbers 0 and NaN distances and angle (CellProfiler reads another object's values there).
 * The "Expand until adjacent" method is not implemented (CPJUMP1 does not use it).
 *
 * <p>References: CellProfiler {@code modules/measureobjectneighbors.py} v4.0.6.
 */
public final class Neighbors {
  private Neighbors() {}

  /** How neighbours are found. */
  public enum Method {
    /** "Within a specified distance": dilate by a disk of radius {@code distance}. */
    WITHIN_DISTANCE,
    /** "Adjacent": touching objects (dilation by radius 1); names end in {@code _Adjacent}. */
    ADJACENT
  }

  /**
   * Neighbour settings.
   *
   * @param method the method
   * @param distance the neighbour distance in pixels, &gt;= 0 (ignored for ADJACENT, which uses 1)
   */
  public record Options(Method method, int distance) {
    /** Validates the settings. */
    public Options {
      if (method == null) {
        throw new IllegalArgumentException("Neighbor method is required");
      }
      if (distance < 0) {
        throw new IllegalArgumentException("Neighbor distance must be >= 0, got " + distance);
      }
    }

    /**
     * @param distance pixels
     * @return "Within a specified distance"
     */
    public static Options within(int distance) {
      return new Options(Method.WITHIN_DISTANCE, distance);
    }

    /** @return "Adjacent" */
    public static Options adjacent() {
      return new Options(Method.ADJACENT, 1);
    }

    /** @return CPJUMP1's two Cells modules: within 5 pixels, and adjacent */
    public static List<Options> cpjump1Cells() {
      return List.of(within(5), adjacent());
    }

    /** @return CPJUMP1's Nuclei module: within 1 pixel */
    public static List<Options> cpjump1Nuclei() {
      return List.of(within(1));
    }

    /** @return the name suffix: the distance or "Adjacent" */
    public String scale() {
      return method == Method.ADJACENT ? "Adjacent" : Integer.toString(distance);
    }

    int radius() {
      return method == Method.ADJACENT ? 1 : distance;
    }
  }

  /**
   * @param options the settings
   * @return the 7 names in output order
   */
  public static List<String> featureNames(Options options) {
    List<String> names = new ArrayList<>();
    for (String f : FeatureNames.NEIGHBORS) {
      names.add(FeatureNames.neighbors(f, options.scale()));
    }
    return names;
  }

  /**
   * Neighbours among the given objects only.
   *
   * @param labels the objects
   * @param options the settings
   * @return 7 columns
   */
  public static FeatureSet measure(LabelImage labels, Options options) {
    return measure(labels, labels, options);
  }

  /**
   * Neighbours counting also objects discarded by segmentation ("Consider objects discarded for
   * touching image border?: Yes" in CPJUMP1). Which discarded objects take part is the caller's
   * choice; CellProfiler 4.0.6 uses its {@code small_removed_segmented}, so for primary objects
   * only those dropped as too large (not those touching the border, nor the too small ones): see
   * {@code pipeline.FamilyWiring.nucleiWithDiscarded}.
   *
   * @param labels the kept objects 1..n
   * @param withDiscarded the same kept objects with the same labels and pixels, plus discarded
   *     objects labelled above n
   * @param options the settings
   * @return 7 columns, {@code labels.count()} values each
   * @throws IllegalArgumentException when the two label images disagree in size or on a kept object
   */
  public static FeatureSet measure(LabelImage labels, LabelImage withDiscarded, Options options) {
    Inputs.requireNonNull(labels, "labels");
    Inputs.requireNonNull(withDiscarded, "labels with discarded objects");
    Inputs.sameSize(labels, "labels", withDiscarded, "labels with discarded objects");
    int n = labels.count();
    int[] kept = labels.labels();
    int[] all = withDiscarded.labels();
    for (int i = 0; i < kept.length; i++) {
      if ((kept[i] != 0 && all[i] != kept[i]) || (all[i] != 0 && all[i] <= n && kept[i] != all[i])) {
        throw new IllegalArgumentException("Kept object " + Math.max(kept[i], all[i]) + " differs between the label images at x="
            + (i % labels.width()) + ", y=" + (i / labels.width()));
      }
    }
    int bigN = Math.max(n, withDiscarded.count());
    int w = labels.width();
    int h = labels.height();
    ObjectIndex idx = ObjectIndex.of(withDiscarded.count() >= n ? withDiscarded
        : new LabelImage(w, h, all, bigN));
    double[] cx = new double[bigN];
    double[] cy = new double[bigN];
    boolean[] has = new boolean[bigN];
    for (int o = 0; o < bigN; o++) {
      int from = idx.start[o];
      int to = idx.start[o + 1];
      has[o] = to > from;
      for (int t = from; t < to; t++) {
        cx[o] += idx.pixels[t] % w;
        cy[o] += idx.pixels[t] / w;
      }
      if (has[o]) {
        cx[o] /= (to - from);
        cy[o] /= (to - from);
      }
    }
    double[] count = new double[n];
    double[] touching = new double[n];
    double[] firstNum = new double[n];
    double[] secondNum = new double[n];
    double[] firstDist = new double[n];
    double[] secondDist = new double[n];
    double[] angle = new double[n];
    if (bigN > 1) {
      int r = options.radius();
      int[][] strel = disk(r * r);
      int[][] strelTouch = disk((r + 0.5) * (r + 0.5));
      boolean[] outline = outline(all, w, h);
      int[] seen = new int[bigN + 1];
      for (int o = 0; o < n; o++) {
        if (!has[o]) {
          continue;
        }
        int l = o + 1;
        int nc = 0;
        int perimeter = 0;
        int touchCount = 0;
        for (int t = idx.start[o]; t < idx.start[o + 1]; t++) {
          int p = idx.pixels[t];
          if (!outline[p]) {
            continue;
          }
          perimeter++;
          int x = p % w;
          int y = p / w;
          for (int[] off : strel) {
            int xx = x + off[0];
            int yy = y + off[1];
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
              continue;
            }
            int q = all[yy * w + xx];
            if (q != 0 && q != l && seen[q] != l) {
              seen[q] = l;
              nc++;
            }
          }
          for (int[] off : strelTouch) {
            int xx = x + off[0];
            int yy = y + off[1];
            if (xx < 0 || yy < 0 || xx >= w || yy >= h) {
              continue;
            }
            int q = all[yy * w + xx];
            if (q != 0 && q != l) {
              touchCount++;
              break;
            }
          }
        }
        count[o] = nc;
        touching[o] = perimeter == 0 ? 0 : touchCount * 100.0 / perimeter;
        int[] two = closestTwo(o, bigN, cx, cy, has);
        if (two[0] >= 0) {
          double x1 = cx[two[0]] - cx[o];
          double y1 = cy[two[0]] - cy[o];
          firstDist[o] = Math.sqrt(x1 * x1 + y1 * y1);
          if (bigN > 2 && two[1] >= 0) {
            double x2 = cx[two[1]] - cx[o];
            double y2 = cy[two[1]] - cy[o];
            secondDist[o] = Math.sqrt(x2 * x2 + y2 * y2);
            double dot = (x1 * x2 + y1 * y2) / Math.sqrt((x1 * x1 + y1 * y1) * (x2 * x2 + y2 * y2));
            angle[o] = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
          }
        }
      }
    }
    if (n > 1) {
      for (int o = 0; o < n; o++) {
        if (!has[o]) {
          continue;
        }
        int[] two = closestTwo(o, n, cx, cy, has);
        firstNum[o] = two[0] + 1;
        if (n > 2) {
          secondNum[o] = two[1] + 1;
        }
      }
    }
    for (int o = 0; o < n; o++) {
      if (!has[o]) {
        firstDist[o] = Double.NaN;
        secondDist[o] = Double.NaN;
        angle[o] = Double.NaN;
      }
    }
    List<String> names = featureNames(options);
    return FeatureSet.builder(n)
        .put(names.get(0), count)
        .put(names.get(1), firstNum)
        .put(names.get(2), firstDist)
        .put(names.get(3), secondNum)
        .put(names.get(4), secondDist)
        .put(names.get(5), angle)
        .put(names.get(6), touching)
        .build();
  }

  /** The nearest and second nearest other objects among 0..m-1 by centroid (ties: lower index). */
  private static int[] closestTwo(int o, int m, double[] cx, double[] cy, boolean[] has) {
    int b1 = -1;
    int b2 = -1;
    double d1 = Double.POSITIVE_INFINITY;
    double d2 = Double.POSITIVE_INFINITY;
    for (int j = 0; j < m; j++) {
      if (j == o || !has[j]) {
        continue;
      }
      double dx = cx[j] - cx[o];
      double dy = cy[j] - cy[o];
      double d = Math.sqrt(dx * dx + dy * dy);
      if (d < d1) {
        d2 = d1;
        b2 = b1;
        d1 = d;
        b1 = j;
      } else if (d < d2) {
        d2 = d;
        b2 = j;
      }
    }
    return new int[] {b1, b2};
  }

  /** Offsets (dx, dy) with dx^2 + dy^2 <= r2 (centrosome {@code strel_disk}). */
  private static int[][] disk(double r2) {
    int ir = (int) Math.sqrt(r2);
    List<int[]> offs = new ArrayList<>();
    for (int dy = -ir; dy <= ir; dy++) {
      for (int dx = -ir; dx <= ir; dx++) {
        if (dx * dx + dy * dy <= r2) {
          offs.add(new int[] {dx, dy});
        }
      }
    }
    return offs.toArray(new int[0][]);
  }

  /** centrosome {@code outline}: a pixel differing from an 8-neighbour, or on the image edge. */
  static boolean[] outline(int[] lab, int w, int h) {
    boolean[] out = new boolean[lab.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        if (lab[i] == 0) {
          continue;
        }
        if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
          out[i] = true;
          continue;
        }
        int l = lab[i];
        out[i] = lab[i - 1] != l || lab[i + 1] != l || lab[i - w] != l || lab[i + w] != l
            || lab[i - w - 1] != l || lab[i - w + 1] != l || lab[i + w - 1] != l || lab[i + w + 1] != l;
      }
    }
    return out;
  }
}
