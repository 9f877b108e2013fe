package org.brightpaint.features.ops;

import java.util.Arrays;

/**
 * Label-array operations in CellProfiler's (centrosome's) sense: connected components,
 * relabelling, outlines, hole filling and border removal. Arrays are row-major
 * {@code width * height}; 0 is background.
 */
public final class Labels {

  private Labels() {}

  /**
   * Connected components of a mask ({@code scipy.ndimage.label}).
   *
   * @param mask foreground flags
   * @param width columns
   * @param height rows
   * @param eightConnected 8-connectivity when true, else 4
   * @return labels {@code 1..n} in raster order of first pixel; {@code result[labels.length]} is
   *     not used — the count is returned via {@link #max(int[])}
   */
  public static int[] components(boolean[] mask, int width, int height, boolean eightConnected) {
    int[] labels = new int[mask.length];
    int[] stack = new int[mask.length];
    int[] nb = new int[PixelNeighbours.MAX];
    int next = 0;
    for (int start = 0; start < mask.length; start++) {
      if (!mask[start] || labels[start] != 0) {
        continue;
      }
      next++;
      int sp = 0;
      stack[sp++] = start;
      labels[start] = next;
      while (sp > 0) {
        int p = stack[--sp];
        int n = PixelNeighbours.of(p, width, height, eightConnected, nb);
        for (int k = 0; k < n; k++) {
          int q = nb[k];
          if (mask[q] && labels[q] == 0) {
            labels[q] = next;
            stack[sp++] = q;
          }
        }
      }
    }
    return labels;
  }

  /**
   * @param labels labels
   * @return the largest label (0 for none)
   */
  public static int max(int[] labels) {
    int m = 0;
    for (int l : labels) {
      m = Math.max(m, l);
    }
    return m;
  }

  /**
   * Renumbers the labels present to {@code 1..n} keeping their order ({@code centrosome relabel}).
   *
   * @param labels labels, modified in place
   * @return n, the number of distinct non-zero labels
   */
  public static int relabel(int[] labels) {
    int m = max(labels);
    int[] map = new int[m + 1];
    for (int l : labels) {
      if (l > 0) {
        map[l] = 1;
      }
    }
    int n = 0;
    for (int i = 1; i <= m; i++) {
      if (map[i] != 0) {
        map[i] = ++n;
      }
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = map[labels[i]];
    }
    return n;
  }

  /**
   * CellProfiler's outline ({@code centrosome.outline.outline}): a labelled pixel is on the
   * outline when any of its 8 neighbours has a different label, or when it lies on the image
   * border.
   *
   * @param labels labels
   * @param width columns
   * @param height rows
   * @return flags, true on outline pixels of objects
   */
  public static boolean[] outline(int[] labels, int width, int height) {
    boolean[] out = new boolean[labels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int l = labels[p];
        if (l == 0) {
          continue;
        }
        if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
          out[p] = true;
          continue;
        }
        boolean diff = false;
        for (int dy = -1; dy <= 1 && !diff; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            if (labels[p + dy * width + dx] != l) {
              diff = true;
              break;
            }
          }
        }
        out[p] = diff;
      }
    }
    return out;
  }

  /**
   * Inner boundaries as {@code skimage.segmentation.find_boundaries(labels, mode="inner")}, which
   * CellProfiler's MeasureObjectIntensity uses for its Edge features: a labelled pixel whose
   * 4-neighbour (inside the image) carries a different label.
   *
   * @param labels labels
   * @param width columns
   * @param height rows
   * @return flags
   */
  public static boolean[] innerBoundary(int[] labels, int width, int height) {
    boolean[] out = new boolean[labels.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int l = labels[p];
        if (l == 0) {
          continue;
        }
        out[p] = (x > 0 && labels[p - 1] != l) || (x < width - 1 && labels[p + 1] != l)
            || (y > 0 && labels[p - width] != l) || (y < height - 1 && labels[p + width] != l);
      }
    }
    return out;
  }

  /**
   * Fills holes of labelled objects ({@code centrosome.cpmorphology.fill_labeled_holes} without a
   * size limit): a 4-connected background region that does not touch the image border and whose
   * 8-neighbouring object pixels all carry one label takes that label (a label above 0: a region
   * whose only neighbouring label is negative stays background).
   *
   * <p>The background regions are found as runs of background pixels along each row, joined by
   * union-find where runs of consecutive rows share a column (4-connectivity), instead of by a
   * flood fill of every background pixel: the work is one read of each pixel plus one step per
   * run. Only a region's pixel set, its border contact and the set of labels around it decide
   * whether and how it is filled, and all three are the same however the region is found, so the
   * result is that of labelling the background ({@code scipy.ndimage.label}, as centrosome does)
   * and testing each region. The 8-neighbour labels of a run in row {@code y} from column
   * {@code x0} to {@code x1} are those at {@code (x0 - 1, y)}, {@code (x1 + 1, y)} and at columns
   * {@code x0 - 1 .. x1 + 1} of rows {@code y - 1} and {@code y + 1}.
   *
   * @param labels labels, not modified
   * @param width columns
   * @param height rows
   * @return a new label array
   */
  public static int[] fillHoles(int[] labels, int width, int height) {
    int cap = Math.max(16, height);
    int[] runX0 = new int[cap];
    int[] runX1 = new int[cap];
    int[] parent = new int[cap];
    int[] rowStart = new int[height + 1];
    int runs = 0;
    for (int y = 0; y < height; y++) {
      rowStart[y] = runs;
      int row = y * width;
      int prev = y > 0 ? rowStart[y - 1] : 0; // runs of row y - 1 not yet passed
      int prevEnd = runs;
      for (int x = 0; x < width; x++) {
        if (labels[row + x] != 0) {
          continue;
        }
        int x0 = x;
        while (x + 1 < width && labels[row + x + 1] == 0) {
          x++;
        }
        if (runs == runX0.length) {
          runX0 = Arrays.copyOf(runX0, 2 * runs);
          runX1 = Arrays.copyOf(runX1, 2 * runs);
          parent = Arrays.copyOf(parent, 2 * runs);
        }
        runX0[runs] = x0;
        runX1[runs] = x;
        parent[runs] = runs;
        if (y > 0) {
          while (prev < prevEnd && runX1[prev] < x0) {
            prev++;
          }
          // runs of the row above overlapping columns x0..x; the last may overlap the next run too
          for (int r = prev; r < prevEnd && runX0[r] <= x; r++) {
            union(parent, r, runs);
          }
        }
        runs++;
      }
    }
    rowStart[height] = runs;
    boolean[] notHole = new boolean[runs];
    int[] owner = new int[runs];
    for (int y = 0; y < height; y++) {
      for (int r = rowStart[y]; r < rowStart[y + 1]; r++) {
        if (y == 0 || y == height - 1 || runX0[r] == 0 || runX1[r] == width - 1) {
          notHole[find(parent, r)] = true;
        }
      }
    }
    for (int y = 1; y < height - 1; y++) {
      for (int r = rowStart[y]; r < rowStart[y + 1]; r++) {
        int c = find(parent, r);
        if (notHole[c]) {
          continue;
        }
        int x0 = runX0[r] - 1;
        int x1 = runX1[r] + 1;
        int row = y * width;
        // the row's neighbours x0 and x1 are object pixels: the run is maximal
        boolean ok = own(owner, c, labels[row + x0]) && own(owner, c, labels[row + x1]);
        for (int x = x0; ok && x <= x1; x++) {
          ok = own(owner, c, labels[row - width + x]) && own(owner, c, labels[row + width + x]);
        }
        notHole[c] = !ok;
      }
    }
    int[] out = labels.clone();
    for (int y = 1; y < height - 1; y++) {
      for (int r = rowStart[y]; r < rowStart[y + 1]; r++) {
        int c = find(parent, r);
        if (!notHole[c] && owner[c] > 0) {
          Arrays.fill(out, y * width + runX0[r], y * width + runX1[r] + 1, owner[c]);
        }
      }
    }
    return out;
  }

  /**
   * Adds label {@code l} to the labels seen around region {@code c}.
   *
   * @return false when {@code c} now borders two different labels
   */
  private static boolean own(int[] owner, int c, int l) {
    if (l == 0 || owner[c] == l) {
      return true;
    }
    if (owner[c] == 0) {
      owner[c] = l;
      return true;
    }
    return false;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Joins the sets of {@code a} and {@code b}; the smaller root becomes the root. */
  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra < rb) {
      parent[rb] = ra;
    } else if (rb < ra) {
      parent[ra] = rb;
    }
  }

  /**
   * Sets to 0 every object with a pixel in the first or last row or column.
   *
   * <p>The table of border labels is sized by the largest label on the border, found from the
   * border pixels alone, rather than by the largest label in the image: a label above it cannot
   * touch the border, so the same objects are cleared without reading the image an extra time.
   *
   * @param labels labels (&gt;= 0), modified in place
   * @param width columns
   * @param height rows
   */
  public static void clearBorder(int[] labels, int width, int height) {
    int m = 0;
    for (int x = 0; x < width; x++) {
      m = Math.max(m, Math.max(labels[x], labels[(height - 1) * width + x]));
    }
    for (int y = 0; y < height; y++) {
      m = Math.max(m, Math.max(labels[y * width], labels[y * width + width - 1]));
    }
    boolean[] touch = new boolean[m + 1];
    for (int x = 0; x < width; x++) {
      touch[labels[x]] = true;
      touch[labels[(height - 1) * width + x]] = true;
    }
    for (int y = 0; y < height; y++) {
      touch[labels[y * width]] = true;
      touch[labels[y * width + width - 1]] = true;
    }
    touch[0] = false;
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l <= m && touch[l]) {
        labels[i] = 0;
      }
    }
  }

  /**
   * Pixel count per label.
   *
   * @param labels labels
   * @param count the largest label to count
   * @return {@code areas[l]} for {@code l = 0..count}
   */
  public static int[] areas(int[] labels, int count) {
    int[] a = new int[count + 1];
    for (int l : labels) {
      if (l <= count) {
        a[l]++;
      }
    }
    return a;
  }

  /**
   * Bounding boxes per label: {@code [minX, minY, maxX, maxY]} inclusive, or {@code minX = -1}
   * when the label has no pixel.
   *
   * @param labels labels
   * @param width columns
   * @param count largest label
   * @return {@code 4 * (count + 1)} values
   */
  public static int[] boundingBoxes(int[] labels, int width, int count) {
    int[] b = new int[4 * (count + 1)];
    Arrays.fill(b, -1);
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l == 0 || l > count) {
        continue;
      }
      int x = i % width;
      int y = i / width;
      int o = 4 * l;
      if (b[o] < 0) {
        b[o] = x;
        b[o + 1] = y;
        b[o + 2] = x;
        b[o + 3] = y;
      } else {
        b[o] = Math.min(b[o], x);
        b[o + 1] = Math.min(b[o + 1], y);
        b[o + 2] = Math.max(b[o + 2], x);
        b[o + 3] = Math.max(b[o + 3], y);
      }
    }
    return b;
  }
}
