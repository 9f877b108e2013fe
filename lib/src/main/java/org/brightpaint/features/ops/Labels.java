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
   * 8-neighbouring object pixels all carry one label takes that label.
   *
   * @param labels labels, not modified
   * @param width columns
   * @param height rows
   * @return a new label array
   */
  public static int[] fillHoles(int[] labels, int width, int height) {
    boolean[] bg = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      bg[i] = labels[i] == 0;
    }
    int[] comp = components(bg, width, height, false);
    int nc = max(comp);
    int[] owner = new int[nc + 1]; // 0 unknown, -1 invalid
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        int c = comp[p];
        if (c == 0 || owner[c] == -1) {
          continue;
        }
        if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
          owner[c] = -1;
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int l = labels[p + dy * width + dx];
            if (l != 0) {
              if (owner[c] == 0) {
                owner[c] = l;
              } else if (owner[c] != l) {
                owner[c] = -1;
              }
            }
          }
        }
      }
    }
    int[] out = labels.clone();
    for (int i = 0; i < out.length; i++) {
      int c = comp[i];
      if (c != 0 && owner[c] > 0) {
        out[i] = owner[c];
      }
    }
    return out;
  }

  /**
   * Sets to 0 every object with a pixel in the first or last row or column.
   *
   * @param labels labels, modified in place
   * @param width columns
   * @param height rows
   */
  public static void clearBorder(int[] labels, int width, int height) {
    int m = max(labels);
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
      if (touch[labels[i]]) {
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

  /**
   * Pixel indices grouped by label (counting sort), in raster order within each label.
   *
   * @param labels labels
   * @param count largest label
   * @return {@code [starts, indices]}: pixels of label l are {@code indices[starts[l] ..
   *     starts[l+1])}, {@code starts} has {@code count + 2} entries
   */
  public static int[][] pixelsByLabel(int[] labels, int count) {
    int[] starts = new int[count + 2];
    for (int l : labels) {
      if (l > 0 && l <= count) {
        starts[l + 1]++;
      }
    }
    for (int l = 1; l <= count + 1; l++) {
      starts[l] += starts[l - 1];
    }
    int[] pos = Arrays.copyOf(starts, starts.length);
    int[] idx = new int[starts[count + 1]];
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l > 0 && l <= count) {
        idx[pos[l]++] = i;
      }
    }
    return new int[][] {starts, idx};
  }
}
