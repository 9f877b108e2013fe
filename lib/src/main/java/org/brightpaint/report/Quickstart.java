package org.brightpaint.report;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.brightpaint.config.RunSize;
import org.brightpaint.config.Workspace;
import org.brightpaint.data.Channel;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * The small, deterministic objects the quick-start notebook displays to show that images,
 * tables and interactive figures reach the notebook: a synthetic 16-bit "nuclei" field, the
 * channel table, and the field's intensity histogram.
 */
public final class Quickstart {

  private Quickstart() {}

  /**
   * A 16-bit grey field of Gaussian "nuclei" on a dim background, like a DNA (Hoechst) image.
   * Pixel value = 2000 + 50000 * sum_k exp(-d_k^2 / (2 * 6^2)), clipped to 65535, where d_k is
   * the distance in pixels to the k-th of a fixed set of centres on a jittered grid.
   *
   * @param width width in pixels (at least 1)
   * @param height height in pixels (at least 1)
   * @return a {@link BufferedImage#TYPE_USHORT_GRAY} image
   */
  public static BufferedImage nuclei(int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("Image size must be positive, got " + width + " x " + height);
    }
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = img.getRaster();
    int step = 24;
    double sigma2 = 2 * 6.0 * 6.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double v = 2000;
        for (int cy = step / 2; cy < height + step; cy += step) {
          for (int cx = step / 2; cx < width + step; cx += step) {
            // deterministic jitter of each centre, in [-6, 6] (a hash of the grid position)
            int hash = (cx * 73856093) ^ (cy * 19349663);
            double jx = Math.floorMod(hash, 13) - 6;
            double jy = Math.floorMod(hash >>> 8, 13) - 6;
            double dx = x - (cx + jx);
            double dy = y - (cy + jy);
            double d2 = dx * dx + dy * dy;
            if (d2 < 400) {
              v += 50000 * Math.exp(-d2 / sigma2);
            }
          }
        }
        r.setSample(x, y, 0, (int) Math.min(65535, Math.round(v)));
      }
    }
    return img;
  }

  /** @return one row per {@link Channel}: name, CellProfiler name, Phenix number, role */
  public static Table channels() {
    StringColumn name = StringColumn.create("channel");
    StringColumn cp = StringColumn.create("CellProfiler name");
    IntColumn phenix = IntColumn.create("Phenix ch");
    BooleanColumn fluorescent = BooleanColumn.create("fluorescent");
    StringColumn role = StringColumn.create("role");
    for (Channel c : Channel.values()) {
      name.append(c.name());
      cp.append(c.cpName());
      phenix.append(c.phenixNumber());
      fluorescent.append(c.isFluorescent());
      role.append(c.isFluorescent() ? "target (predicted)" : "input (brightfield)");
    }
    return Table.create("Cell Painting channels", name, cp, phenix, fluorescent, role);
  }

  /**
   * Histogram of a 16-bit grey image's intensities in {@code bins} equal bins over [0, 65536).
   *
   * @param image a single-band image
   * @param bins number of bins (1..65536)
   * @return the counts, length {@code bins}
   */
  public static long[] histogram(BufferedImage image, int bins) {
    if (bins < 1 || bins > 65536) {
      throw new IllegalArgumentException("bins must be in 1..65536, got " + bins);
    }
    if (image.getRaster().getNumBands() != 1) {
      throw new IllegalArgumentException("histogram needs a single-band image, got "
          + image.getRaster().getNumBands() + " bands");
    }
    long[] counts = new long[bins];
    int[] row = new int[image.getWidth()];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRaster().getSamples(0, y, image.getWidth(), 1, 0, row);
      for (int v : row) {
        counts[(int) ((long) v * bins / 65536)]++;
      }
    }
    return counts;
  }

  /**
   * An interactive bar chart of {@link #histogram(BufferedImage, int)} with 32 bins.
   *
   * @param image a single-band 16-bit image
   * @return the figure
   */
  public static Figure intensityHistogram(BufferedImage image) {
    int bins = 32;
    long[] counts = histogram(image, bins);
    Object[] x = new Object[bins];
    double[] y = new double[bins];
    for (int i = 0; i < bins; i++) {
      x[i] = String.valueOf(i * (65536 / bins));
      y[i] = counts[i];
    }
    Layout layout = Layout.builder()
        .title("Intensity histogram (" + image.getWidth() + " x " + image.getHeight() + " px)")
        .xAxis(Axis.builder().title("intensity (16-bit, bin start)").build())
        .yAxis(Axis.builder().title("pixels").type(Axis.Type.LOG).build())
        .height(350).width(650)
        .build();
    return new Figure(layout, BarTrace.builder(x, y).build());
  }

  /**
   * @return one Markdown line naming the run size, the workspace folder and where
   *     {@link Display} sends output ("rapaio", "jjava", "ijava" or "files")
   */
  public static String settings() {
    return "Run size: **" + RunSize.current().label() + "** · workspace: `" + Workspace.current().root()
        + "` · display output: " + Display.outputName();
  }
}
