package org.brightpaint.features.ops;

/**
 * The in-image neighbours of a pixel of a row-major {@code width * height} array, in raster order
 * of the 3 x 3 window ({@code dy = -1, 0, 1}, then {@code dx = -1, 0, 1}), the pixel itself left
 * out. With 4-connectivity the diagonal neighbours are left out too. Flood fills, watersheds and
 * geodesic distances walk a pixel's neighbours in this order, so their tie-breaking follows it.
 */
public final class PixelNeighbours {

  /** The most neighbours a pixel can have: the length a buffer for {@link #of} needs. */
  public static final int MAX = 8;

  private PixelNeighbours() {}

  /**
   * Writes the indices of pixel {@code p}'s neighbours inside the image into {@code out}.
   *
   * @param p pixel index {@code y * width + x}
   * @param width columns
   * @param height rows
   * @param eightConnected 8-connectivity when true, else 4
   * @param out buffer of at least {@link #MAX} entries; entries {@code 0..n-1} are written
   * @return n, the number of neighbours written (at most 8, or 4 with 4-connectivity)
   */
  public static int of(int p, int width, int height, boolean eightConnected, int[] out) {
    int py = p / width;
    int px = p - py * width;
    if (px > 0 && py > 0 && px < width - 1 && py < height - 1) {
      // away from the border every neighbour exists: the same indices in the same order, by offset
      if (eightConnected) {
        out[0] = p - width - 1;
        out[1] = p - width;
        out[2] = p - width + 1;
        out[3] = p - 1;
        out[4] = p + 1;
        out[5] = p + width - 1;
        out[6] = p + width;
        out[7] = p + width + 1;
        return 8;
      }
      out[0] = p - width;
      out[1] = p - 1;
      out[2] = p + 1;
      out[3] = p + width;
      return 4;
    }
    int n = 0;
    for (int dy = -1; dy <= 1; dy++) {
      int ny = py + dy;
      if (ny < 0 || ny >= height) {
        continue;
      }
      for (int dx = -1; dx <= 1; dx++) {
        if ((dx == 0 && dy == 0) || (!eightConnected && dx != 0 && dy != 0)) {
          continue;
        }
        int nx = px + dx;
        if (nx < 0 || nx >= width) {
          continue;
        }
        out[n++] = ny * width + nx;
      }
    }
    return n;
  }

  /**
   * @param p a pixel index
   * @param q the index of one of {@code p}'s 8 neighbours
   * @param width columns
   * @return true when {@code q} is a diagonal neighbour of {@code p} (differs in row and column)
   */
  public static boolean diagonal(int p, int q, int width) {
    return p % width != q % width && p / width != q / width;
  }
}
