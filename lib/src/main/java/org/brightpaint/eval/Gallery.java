package org.brightpaint.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.brightpaint.image.FloatImage;

/**
 * A montage of worst cases: one row per case, panels real | predicted | |difference|, with a
 * caption. Real and predicted share one display range (0.1 and 99.9 percentiles of the real
 * image) so intensity shifts stay visible; the difference panel is scaled to its own maximum.
 */
public final class Gallery {

  /**
   * One row of the montage.
   *
   * @param caption text drawn over the row (e.g. "pix2pix AGP r03c04f02 blur 0.41")
   * @param real real image
   * @param pred predicted image of the same size
   */
  public record Item(String caption, FloatImage real, FloatImage pred) {}

  private Gallery() {}

  /**
   * @param items rows; all images are shown at their own size (panels are as wide as the widest)
   * @return an 8-bit grey montage
   */
  public static BufferedImage montage(List<Item> items) {
    if (items.isEmpty()) throw new IllegalArgumentException("Gallery needs at least one item");
    int pw = items.stream().mapToInt(i -> i.real().width()).max().orElseThrow();
    int caption = 16, gap = 4;
    int height = items.stream().mapToInt(i -> i.real().height() + caption + gap).sum();
    BufferedImage out = new BufferedImage(3 * pw + 2 * gap, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int y = 0;
    for (Item it : items) {
      it.real().requireSameSize(it.pred(), "Gallery " + it.caption());
      g.setColor(Color.WHITE);
      g.drawString(it.caption() + "   (real | predicted | |difference|)", 2, y + 12);
      y += caption;
      double[] range = range(it.real());
      float[] diff = new float[it.real().pixels().length];
      float dmax = 0;
      for (int i = 0; i < diff.length; i++) {
        diff[i] = Math.abs(it.real().pixels()[i] - it.pred().pixels()[i]);
        dmax = Math.max(dmax, diff[i]);
      }
      paint(out, it.real(), 0, y, range[0], range[1]);
      paint(out, it.pred(), pw + gap, y, range[0], range[1]);
      paint(out, new FloatImage(it.real().width(), it.real().height(), diff), 2 * (pw + gap), y, 0, dmax == 0 ? 1 : dmax);
      y += it.real().height() + gap;
    }
    g.dispose();
    return out;
  }

  /**
   * Indices of the {@code n} most severe cases.
   *
   * @param measures one measure per case
   * @param kind the artifact type
   * @param n how many
   * @return indices, worst first
   */
  public static int[] worst(List<ArtifactMeasures> measures, ArtifactKind kind, int n) {
    Integer[] idx = new Integer[measures.size()];
    for (int i = 0; i < idx.length; i++) idx[i] = i;
    Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> kind.severity(measures.get(i))).reversed());
    return Arrays.stream(idx).limit(n).mapToInt(Integer::intValue).toArray();
  }

  private static double[] range(FloatImage img) {
    float[] s = img.pixels().clone();
    Arrays.sort(s);
    double lo = s[(int) (0.001 * (s.length - 1))], hi = s[(int) (0.999 * (s.length - 1))];
    return new double[] {lo, hi > lo ? hi : lo + 1e-6};
  }

  private static void paint(BufferedImage out, FloatImage img, int x0, int y0, double lo, double hi) {
    var r = out.getRaster();
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        double v = (img.at(x, y) - lo) / (hi - lo);
        r.setSample(x0 + x, y0 + y, 0, (int) Math.round(255 * Math.max(0, Math.min(1, v))));
      }
    }
  }
}
