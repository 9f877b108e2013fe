package org.brightpaint.eval;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;

/**
 * A Figure 2-style panel (Xing et al. 2024, Figure 2): one test site, real and every model in
 * rows, the five fluorescent channels in columns, each channel on one shared intensity scale (the
 * real image's 0.1 and 99.9 percentiles mapped to black and white, {@link RobustRange}), so that
 * a model that is too bright or too dim shows as such.
 */
public final class SitePanel {

  private static final int LABEL_W = 120, HEADER_H = 22;

  private SitePanel() {}

  /**
   * @param realRoot the real plates (a folder {@link QualityFolders#scan} reads)
   * @param predictions model name to prediction folder
   * @param tile the edge of each tile in pixels (images are reduced by block averaging)
   * @return the panel of the first site (in site order) that every model predicted, or null when
   *     no site is shared by all
   */
  public static BufferedImage of(Path realRoot, Map<String, Path> predictions, int tile) {
    Map<QualityFolders.Site, Map<Channel, Path>> real = QualityFolders.scan(realRoot);
    Map<String, Map<QualityFolders.Site, Map<Channel, Path>>> pred = new LinkedHashMap<>();
    predictions.forEach((m, p) -> pred.put(m, QualityFolders.scan(p)));
    QualityFolders.Site site = null;
    for (QualityFolders.Site s : new TreeSet<>(real.keySet())) {
      if (pred.values().stream().allMatch(p -> p.containsKey(s) && p.get(s).keySet().containsAll(Channel.FLUORESCENT))) {
        site = s;
        break;
      }
    }
    if (site == null) return null;
    List<String> rows = new ArrayList<>(List.of("real"));
    rows.addAll(pred.keySet());
    List<Channel> cols = List.copyOf(Channel.FLUORESCENT);
    BufferedImage out = new BufferedImage(LABEL_W + cols.size() * (tile + 4), HEADER_H * 2 + rows.size() * (tile + 4), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString("plate " + site.plate() + ", well " + site.well() + ", site " + site.site() + "; each channel on the real image's 0.1-99.9 percentile scale", 4, 15);
    for (int c = 0; c < cols.size(); c++) {
      Channel ch = cols.get(c);
      FloatImage r = QualityFolders.read(real.get(site).get(ch));
      RobustRange range = RobustRange.of(r);
      g.setColor(Color.BLACK);
      g.drawString(ch.cpName(), LABEL_W + c * (tile + 4) + 4, HEADER_H * 2 - 5);
      for (int row = 0; row < rows.size(); row++) {
        FloatImage img = row == 0 ? r : QualityFolders.read(pred.get(rows.get(row)).get(site).get(ch));
        FloatImage n = range.usable() ? range.apply(img) : img;
        int x0 = LABEL_W + c * (tile + 4), y0 = HEADER_H * 2 + row * (tile + 4);
        draw(out, n, x0, y0, tile);
        if (c == 0) {
          g.setColor(Color.BLACK);
          g.drawString(rows.get(row), 4, y0 + tile / 2);
        }
      }
    }
    g.dispose();
    return out;
  }

  /** Block-averages img (values 0..1) into a tile x tile square at (x0, y0). */
  static void draw(BufferedImage out, FloatImage img, int x0, int y0, int tile) {
    for (int ty = 0; ty < tile; ty++) {
      int ya = ty * img.height() / tile, yb = Math.max(ya + 1, (ty + 1) * img.height() / tile);
      for (int tx = 0; tx < tile; tx++) {
        int xa = tx * img.width() / tile, xb = Math.max(xa + 1, (tx + 1) * img.width() / tile);
        double s = 0;
        int n = 0;
        for (int y = ya; y < yb && y < img.height(); y++) {
          for (int x = xa; x < xb && x < img.width(); x++) {
            s += img.at(x, y);
            n++;
          }
        }
        int v = (int) Math.round(255 * Math.max(0, Math.min(1, n == 0 ? 0 : s / n)));
        out.setRGB(x0 + tx, y0 + ty, (v << 16) | (v << 8) | v);
      }
    }
  }
}
