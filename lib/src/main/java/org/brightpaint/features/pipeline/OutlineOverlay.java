package org.brightpaint.features.pipeline;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.brightpaint.features.ops.Labels;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * Segmentation outlines over an image, as CellProfiler's OverlayOutlines draws them: the image in
 * grey (stretched between its 1st and 99.5th percentiles), cell outlines in blue ({@code #0080FF})
 * and nucleus outlines in yellow, both from {@link Labels#outline}.
 */
public final class OutlineOverlay {

  private OutlineOverlay() {}

  /**
   * Draws the overlay.
   *
   * @param image the background image
   * @param nuclei nucleus labels, same size
   * @param cells cell labels, same size (may be null)
   * @return an RGB image
   */
  public static BufferedImage of(FloatImage image, LabelImage nuclei, LabelImage cells) {
    int w = image.width();
    int h = image.height();
    float[] sorted = image.pixels().clone();
    Arrays.sort(sorted);
    double lo = sorted[(int) (0.01 * (sorted.length - 1))];
    double hi = sorted[(int) (0.995 * (sorted.length - 1))];
    double span = hi > lo ? hi - lo : 1;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    boolean[] cellEdge = cells == null ? new boolean[w * h] : Labels.outline(cells.labels(), w, h);
    boolean[] nucEdge = Labels.outline(nuclei.labels(), w, h);
    float[] p = image.pixels();
    for (int i = 0; i < p.length; i++) {
      int g = (int) Math.max(0, Math.min(255, Math.round((p[i] - lo) / span * 255)));
      int rgb = (g << 16) | (g << 8) | g;
      if (cellEdge[i]) {
        rgb = 0x0080FF;
      }
      if (nucEdge[i]) {
        rgb = 0xFFFF00;
      }
      out.setRGB(i % w, i / w, rgb);
    }
    return out;
  }
}
