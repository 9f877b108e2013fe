package org.brightpaint.data.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.brightpaint.data.MoaGroup;
import org.brightpaint.data.Perturbation;
import org.brightpaint.data.PlateMap;
import org.brightpaint.data.Well;

/** The 16 x 24 plate map as a heatmap coloured by MoA group, with row/column labels and a legend. */
public final class PlateMapView {

  private PlateMapView() {}

  /**
   * @param g a MoA group
   * @return its colour in the plate-map view
   */
  public static Color color(MoaGroup g) {
    return switch (g) {
      case KINASE -> new Color(228, 26, 28);
      case EPIGENETIC -> new Color(55, 126, 184);
      case GROWTH_FACTOR_RECEPTOR -> new Color(77, 175, 74);
      case PROTEASE -> new Color(152, 78, 163);
      case LIPID_SIGNALING -> new Color(255, 127, 0);
      case CONTROL -> new Color(90, 90, 90);
      case NONE -> new Color(225, 225, 225);
    };
  }

  /**
   * Draws a plate map.
   *
   * @param map the plate map
   * @param cell size of one well in px
   * @return the image: wells A01..P24 with the legend below
   */
  public static BufferedImage image(PlateMap map, int cell) {
    int left = 24;
    int top = 20;
    int legend = 46;
    int w = left + Well.COLUMNS * cell + 4;
    int h = top + Well.ROWS * cell + legend;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (Map.Entry<Well, Perturbation> e : map.wells().entrySet()) {
      Well well = e.getKey();
      g.setColor(color(e.getValue().group()));
      g.fillRect(left + (well.column() - 1) * cell + 1, top + (well.row() - 1) * cell + 1, cell - 2, cell - 2);
    }
    g.setColor(Color.DARK_GRAY);
    for (int c = 1; c <= Well.COLUMNS; c++) {
      g.drawString(Integer.toString(c), left + (c - 1) * cell + 2, top - 6);
    }
    for (int r = 1; r <= Well.ROWS; r++) {
      g.drawString(String.valueOf((char) ('A' + r - 1)), 8, top + (r - 1) * cell + cell - 4);
    }
    int x = left;
    int y = top + Well.ROWS * cell + 16;
    for (MoaGroup grp : MoaGroup.values()) {
      int compounds = map.compounds(grp).size(); // issue 10, obs. 8: name the unit (wells vs compounds)
      String label = grp.label() + " (" + map.wells(grp).size() + " wells" + (compounds > 0 ? ", " + compounds + " compounds)" : ")");
      int tw = g.getFontMetrics().stringWidth(label) + 22;
      if (x + tw > w) {
        x = left;
        y += 16;
      }
      g.setColor(color(grp));
      g.fillRect(x, y - 9, 12, 10);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label, x + 15, y);
      x += tw;
    }
    g.dispose();
    return out;
  }
}
