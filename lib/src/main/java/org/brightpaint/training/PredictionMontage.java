package org.brightpaint.training;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;

/**
 * A figure of predictions next to ground truth: one row per fluorescent channel, columns
 * brightfield (in-focus plane) | ground truth | prediction | absolute error. Values in
 * normalised units [-1, 1] are mapped linearly to grey levels (error: 0..1 to black..white).
 */
public final class PredictionMontage {

  private static final int LABEL = 16;

  private PredictionMontage() {}

  /**
   * Builds the montage.
   *
   * @param brightfield the in-focus brightfield plane
   * @param channels the output channels, in the order of {@code truth} and {@code prediction}
   * @param truth one image per channel
   * @param prediction one image per channel, same sizes
   * @return an RGB image of {@code 4 x channels} panels with labels
   */
  public static BufferedImage of(FloatImage brightfield, List<Channel> channels, List<FloatImage> truth,
      List<FloatImage> prediction) {
    if (truth.size() != channels.size() || prediction.size() != channels.size()) {
      throw new IllegalArgumentException("Need one truth and one prediction per channel " + channels + ", got "
          + truth.size() + " and " + prediction.size());
    }
    int w = brightfield.width();
    int h = brightfield.height();
    BufferedImage img = new BufferedImage(4 * w, LABEL + channels.size() * h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), LABEL);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    String[] titles = {"brightfield", "ground truth", "prediction", "|error|"};
    for (int i = 0; i < 4; i++) {
      g.drawString(titles[i], i * w + 3, LABEL - 4);
    }
    for (int c = 0; c < channels.size(); c++) {
      int y0 = LABEL + c * h;
      truth.get(c).requireSameSize(brightfield, "Ground truth " + channels.get(c));
      prediction.get(c).requireSameSize(brightfield, "Prediction " + channels.get(c));
      paint(img, brightfield, 0, y0, false, null);
      paint(img, truth.get(c), w, y0, false, null);
      paint(img, prediction.get(c), 2 * w, y0, false, null);
      paint(img, prediction.get(c), 3 * w, y0, true, truth.get(c));
      g.setColor(Color.YELLOW);
      g.drawString(channels.get(c).cpName(), w + 3, y0 + 12);
    }
    g.dispose();
    return img;
  }

  private static void paint(BufferedImage img, FloatImage a, int x0, int y0, boolean error, FloatImage b) {
    for (int y = 0; y < a.height(); y++) {
      for (int x = 0; x < a.width(); x++) {
        double v = error ? Math.abs(a.at(x, y) - b.at(x, y)) : (a.at(x, y) + 1) / 2;
        int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
        img.setRGB(x0 + x, y0 + y, (grey << 16) | (grey << 8) | grey);
      }
    }
  }
}
