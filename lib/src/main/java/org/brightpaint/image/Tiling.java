package org.brightpaint.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Cutting a whole image into overlapping tiles for a model that works on fixed-size inputs, and
 * stitching the tiles' outputs back with linear blending in the overlaps.
 *
 * <p>Tiles start every {@code tile - overlap} pixels; the last row and column of tiles are moved
 * back to end at the image edge. In stitching each tile's pixel has weight
 * {@code min(1, (d + 1) / (overlap + 1))} where d is its distance to the tile's nearest edge that
 * lies inside the image (edges on the image border do not taper), so weights ramp across every
 * overlap and the stitched value is the weighted mean. Accumulated in double precision, so where
 * all tiles agree the stitched value equals theirs exactly.
 *
 * @param width image width
 * @param height image height
 * @param tile tile size (square), &gt; overlap
 * @param overlap overlap between neighbouring tiles, &gt;= 0
 */
public record Tiling(int width, int height, int tile, int overlap) {

  /**
   * One tile.
   *
   * @param x left column
   * @param y top row
   * @param width columns
   * @param height rows
   */
  public record Tile(int x, int y, int width, int height) {}

  /** Validates. */
  public Tiling {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
    }
    if (tile <= 0 || overlap < 0 || overlap >= tile) {
      throw new IllegalArgumentException("Need tile > overlap >= 0, got tile " + tile + ", overlap " + overlap);
    }
  }

  /**
   * A tiling.
   *
   * @param width image width
   * @param height image height
   * @param tile tile size
   * @param overlap overlap
   * @return the tiling
   */
  public static Tiling of(int width, int height, int tile, int overlap) {
    return new Tiling(width, height, tile, overlap);
  }

  /** @return the tiles, row by row; tiles are clipped to the image when it is smaller than a tile */
  public List<Tile> tiles() {
    List<Tile> out = new ArrayList<>();
    for (int y : starts(height)) {
      for (int x : starts(width)) {
        out.add(new Tile(x, y, Math.min(tile, width - x), Math.min(tile, height - y)));
      }
    }
    return out;
  }

  private List<Integer> starts(int size) {
    List<Integer> s = new ArrayList<>();
    if (size <= tile) {
      s.add(0);
      return s;
    }
    int step = tile - overlap;
    for (int p = 0; ; p += step) {
      if (p + tile >= size) {
        s.add(size - tile);
        break;
      }
      s.add(p);
    }
    return s;
  }

  /**
   * Cuts one tile out of an image.
   *
   * @param image the image (this tiling's size)
   * @param t the tile
   * @return the tile's pixels
   */
  public FloatImage extract(FloatImage image, Tile t) {
    requireSize(image);
    float[] out = new float[t.width() * t.height()];
    for (int y = 0; y < t.height(); y++) {
      System.arraycopy(image.pixels(), (t.y() + y) * width + t.x(), out, y * t.width(), t.width());
    }
    return new FloatImage(t.width(), t.height(), out);
  }

  /**
   * Cuts every tile.
   *
   * @param image the image
   * @return the tiles' pixels, in {@link #tiles()} order
   */
  public List<FloatImage> extractAll(FloatImage image) {
    return tiles().stream().map(t -> extract(image, t)).toList();
  }

  /**
   * Stitches tile outputs with linear blending.
   *
   * @param outputs one image per tile, in {@link #tiles()} order, each the tile's size
   * @return the whole image
   */
  public FloatImage stitch(List<FloatImage> outputs) {
    List<Tile> ts = tiles();
    if (outputs.size() != ts.size()) {
      throw new IllegalArgumentException("Stitching needs " + ts.size() + " tiles, got " + outputs.size());
    }
    double[] acc = new double[width * height];
    double[] wsum = new double[width * height];
    for (int k = 0; k < ts.size(); k++) {
      Tile t = ts.get(k);
      FloatImage o = outputs.get(k);
      if (o.width() != t.width() || o.height() != t.height()) {
        throw new IllegalArgumentException("Tile " + k + " output is " + o.width() + " x " + o.height()
            + ", expected " + t.width() + " x " + t.height());
      }
      for (int y = 0; y < t.height(); y++) {
        double wy = ramp(y, t.height(), t.y() > 0, t.y() + t.height() < height);
        for (int x = 0; x < t.width(); x++) {
          double w = wy * ramp(x, t.width(), t.x() > 0, t.x() + t.width() < width);
          int p = (t.y() + y) * width + t.x() + x;
          acc[p] += w * o.pixels()[y * t.width() + x];
          wsum[p] += w;
        }
      }
    }
    float[] out = new float[width * height];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (acc[i] / wsum[i]);
    }
    return new FloatImage(width, height, out);
  }

  private double ramp(int i, int n, boolean taperStart, boolean taperEnd) {
    double w = 1;
    if (taperStart) {
      w = Math.min(w, (i + 1.0) / (overlap + 1.0));
    }
    if (taperEnd) {
      w = Math.min(w, (n - i) / (overlap + 1.0));
    }
    return w;
  }

  private void requireSize(FloatImage image) {
    if (image.width() != width || image.height() != height) {
      throw new IllegalArgumentException("Image of " + image.width() + " x " + image.height()
          + " does not match the tiling's " + width + " x " + height);
    }
  }
}
