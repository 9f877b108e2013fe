package org.brightpaint.data.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Plate;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.PlateSet;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.ImageSource;
import org.brightpaint.image.FloatImage;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Tables and Plotly figures about the plates. */
public final class DataFigures {

  /** Bins of {@link #histograms} (shared by all channels). */
  public static final int HISTOGRAM_BINS = 120;

  private DataFigures() {}

  /** @return the eight benchmark plates: barcode, cell line, split, image count (seed paper, Table 1) */
  public static Table benchmarkPlates() {
    List<Plate> ps = Plates.benchmark();
    return Table.create("CPJUMP1 benchmark plates",
        StringColumn.create("barcode", ps.stream().map(Plate::barcode).toList()),
        StringColumn.create("cell line", ps.stream().map(p -> p.cellLine().name()).toList()),
        StringColumn.create("split", ps.stream().map(p -> p.split().label()).toList()),
        IntColumn.create("images", ps.stream().mapToInt(Plate::imageCount).toArray()));
  }

  /**
   * @param set plates on disk
   * @return one row per plate: barcode, cell line, split, sites, folder
   */
  public static Table plates(PlateSet set) {
    List<PlateFolder> ps = set.plates();
    return Table.create("plates in " + set.root(),
        StringColumn.create("barcode", ps.stream().map(PlateFolder::barcode).toList()),
        StringColumn.create("cell line", ps.stream().map(p -> p.cellLine().map(Enum::name).orElse("?")).toList()),
        StringColumn.create("split", ps.stream().map(p -> p.split().map(s -> s.label()).orElse("?")).toList()),
        IntColumn.create("sites", ps.stream().mapToInt(p -> p.sites().size()).toArray()),
        StringColumn.create("folder", ps.stream().map(p -> p.dir().toString()).toList()));
  }

  /**
   * Per-channel histograms of raw counts of one site, overlaid as step lines in channel colours.
   * Every pixel is counted here ({@link #histogram}: {@value #HISTOGRAM_BINS} bins shared by all
   * channels, 0 to the site's largest count), so the figure carries 2 x {@value #HISTOGRAM_BINS}
   * numbers per channel instead of the pixel values (issue 10: the sampled-pixel histogram made
   * notebook 01's figure 1.5 MB).
   *
   * @param source the plate
   * @param site the site
   * @return the figure
   */
  public static Figure histograms(ImageSource source, Site site) {
    Map<Channel, float[]> pixels = new LinkedHashMap<>();
    double hi = 0;
    for (Channel c : Montage.ORDER) {
      float[] p = source.read(site, c).pixels();
      pixels.put(c, p);
      for (float v : p) {
        hi = Math.max(hi, v);
      }
    }
    hi = hi > 0 ? hi : 1;
    List<Trace> traces = new ArrayList<>();
    for (Map.Entry<Channel, float[]> e : pixels.entrySet()) {
      double[][] h = histogram(e.getValue(), 0, hi, HISTOGRAM_BINS);
      traces.add(ScatterTrace.builder(h[0], h[1]).name(e.getKey().cpName()).mode(ScatterTrace.Mode.LINE)
          .line(Line.builder().shape(Line.Shape.HV).width(1.5)
              .color(ChannelColors.css(e.getKey()).replace("rgb(235,235,235)", "rgb(120,120,120)")).build())
          .build());
    }
    Layout layout = Layout.builder().title("Raw 16-bit counts per channel, " + site.id())
        .height(420).width(900)
        .xAxis(Axis.builder().title("counts (bin centre)").build())
        .yAxis(Axis.builder().title("pixels per bin").type(Axis.Type.LOG).build()).build();
    return new Figure(layout, traces.toArray(new Trace[0]));
  }

  /**
   * A histogram of values over [lo, hi] in equal bins; a value equal to hi falls in the last bin,
   * values outside [lo, hi] and NaN are not counted.
   *
   * @param values the values
   * @param lo lower edge
   * @param hi upper edge, greater than lo
   * @param bins number of bins, at least 1
   * @return {bin centres, counts}, each of length bins
   */
  public static double[][] histogram(float[] values, double lo, double hi, int bins) {
    if (!(hi > lo) || bins < 1) {
      throw new IllegalArgumentException("histogram needs hi > lo and bins >= 1, got [" + lo + ", " + hi + "], " + bins);
    }
    double width = (hi - lo) / bins;
    double[] centres = new double[bins];
    double[] counts = new double[bins];
    for (int b = 0; b < bins; b++) {
      centres[b] = lo + (b + 0.5) * width;
    }
    for (float v : values) {
      if (v >= lo && v <= hi) {
        counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
      }
    }
    return new double[][] {centres, counts};
  }
}
