package org.brightpaint.data.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PairedDataset;
import org.brightpaint.data.Preprocessing;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.ImageSource;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.Illumination;
import org.brightpaint.image.Percentiles;
import org.brightpaint.image.Resize;

/**
 * Image montages: every channel of a site in its colour, illumination correction before/after,
 * and a batch of dataset samples. Each panel is contrast-stretched between its 0.5th and 99.5th
 * percentiles and labelled.
 */
public final class Montage {

  private static final int LABEL = 18;

  private Montage() {}

  /** The channels in montage order: the five stains, then the three brightfield planes. */
  public static final List<Channel> ORDER = List.of(Channel.MITO, Channel.AGP, Channel.RNA, Channel.ER, Channel.DNA,
      Channel.LOW_Z_BF, Channel.BRIGHTFIELD, Channel.HIGH_Z_BF);

  /**
   * All eight channels of a site, 4 per row, each in its colour.
   *
   * @param source the plate
   * @param site the site
   * @param panelSize each panel's size in px (images are area-resized to it)
   * @return the montage
   */
  public static BufferedImage site(ImageSource source, Site site, int panelSize) {
    List<BufferedImage> panels = new ArrayList<>();
    for (Channel c : ORDER) {
      panels.add(panel(source.read(site, c), ChannelColors.of(c), c.cpName(), panelSize));
    }
    return grid(panels, 4);
  }

  /**
   * Illumination correction of one channel: raw image, the plate's illumination function, the
   * corrected image.
   *
   * @param source the plate (must hold an illumination function for the channel)
   * @param site the site
   * @param channel the channel
   * @param panelSize each panel's size in px
   * @return three panels side by side
   */
  public static BufferedImage illumination(ImageSource source, Site site, Channel channel, int panelSize) {
    FloatImage raw = source.read(site, channel);
    FloatImage f = source.illumination(channel).orElseThrow(() -> new IllegalArgumentException(
        "Plate " + source.plate() + " has no illumination function for " + channel.cpName()));
    FloatImage corr = Illumination.apply(raw, f);
    Color k = ChannelColors.of(channel);
    return grid(List.of(panel(raw, k, channel.cpName() + " raw", panelSize),
        panel(f, new Color(255, 255, 255), "illumination function", panelSize),
        panel(corr, k, channel.cpName() + " corrected", panelSize)), 3);
  }

  /**
   * The first samples of a dataset as rows of eight preprocessed channels (LowZBF, Brightfield,
   * HighZBF | Mito, AGP, RNA, ER, DNA).
   *
   * @param dataset the dataset
   * @param count number of samples (rows)
   * @param panelSize each panel's size in px
   * @return the montage
   */
  public static BufferedImage batch(PairedDataset dataset, int count, int panelSize) {
    List<BufferedImage> panels = new ArrayList<>();
    List<Channel> order = new ArrayList<>(Channel.BRIGHTFIELD_INPUTS);
    order.addAll(Channel.FLUORESCENT);
    int n = (int) Math.min(count, dataset.size());
    for (int i = 0; i < n; i++) {
      Preprocessing.Prepared p = dataset.prepared(i);
      for (Channel c : order) {
        String label = c == order.getFirst() ? p.site().id() + " " + c.cpName() : c.cpName();
        panels.add(panel(p.channels().get(c), ChannelColors.of(c), label, panelSize));
      }
    }
    return grid(panels, order.size());
  }

  /**
   * Several images of one channel.
   *
   * @param images labelled images
   * @param color the display colour
   * @param panelSize each panel's size in px
   * @param columns panels per row
   * @return the montage
   */
  public static BufferedImage of(Map<String, FloatImage> images, Color color, int panelSize, int columns) {
    List<BufferedImage> panels = new ArrayList<>();
    images.forEach((label, img) -> panels.add(panel(img, color, label, panelSize)));
    return grid(panels, columns);
  }

  /**
   * One contrast-stretched, coloured and labelled panel.
   *
   * @param image the image
   * @param color the colour of the brightest value
   * @param label the caption
   * @param size panel width and height in px
   * @return the panel
   */
  public static BufferedImage panel(FloatImage image, Color color, String label, int size) {
    FloatImage img = image.width() == size && image.height() == size ? image : Resize.areaAverage(image, size, size);
    double[] p = Percentiles.of(img.pixels(), new double[] {0.5, 99.5});
    double lo = p[0];
    double range = Math.max(1e-12, p[1] - p[0]);
    BufferedImage out = new BufferedImage(size, size + LABEL, BufferedImage.TYPE_INT_RGB);
    float[] px = img.pixels();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double t = Math.max(0, Math.min(1, (px[y * size + x] - lo) / range));
        int r = (int) Math.round(t * color.getRed());
        int g = (int) Math.round(t * color.getGreen());
        int b = (int) Math.round(t * color.getBlue());
        out.setRGB(x, y + LABEL, (r << 16) | (g << 8) | b);
      }
    }
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(label, 4, 13);
    g.dispose();
    return out;
  }

  static BufferedImage grid(List<BufferedImage> panels, int columns) {
    int w = panels.getFirst().getWidth();
    int h = panels.getFirst().getHeight();
    int rows = (panels.size() + columns - 1) / columns;
    int gap = 2;
    BufferedImage out = new BufferedImage(columns * (w + gap) - gap, rows * (h + gap) - gap, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(new Color(40, 40, 40));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    for (int i = 0; i < panels.size(); i++) {
      g.drawImage(panels.get(i), (i % columns) * (w + gap), (i / columns) * (h + gap), null);
    }
    g.dispose();
    return out;
  }
}
