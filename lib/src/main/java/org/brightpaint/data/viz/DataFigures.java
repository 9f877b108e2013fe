package org.brightpaint.data.viz;

import java.util.ArrayList;
import java.util.List;
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
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HistogramTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Tables and Plotly figures about the plates. */
public final class DataFigures {

  /** At most this many pixels per channel go into a histogram (a regular subsample beyond). */
  public static final int HISTOGRAM_SAMPLES = 20_000;

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
   * Per-channel histograms of raw counts of one site, overlaid, in channel colours.
   *
   * @param source the plate
   * @param site the site
   * @return the figure
   */
  public static Figure histograms(ImageSource source, Site site) {
    List<Trace> traces = new ArrayList<>();
    for (Channel c : Montage.ORDER) {
      FloatImage img = source.read(site, c);
      float[] p = img.pixels();
      int step = Math.max(1, p.length / HISTOGRAM_SAMPLES);
      double[] v = new double[(p.length + step - 1) / step];
      for (int i = 0, k = 0; i < p.length; i += step, k++) {
        v[k] = p[i];
      }
      traces.add(HistogramTrace.builder(v).name(c.cpName()).opacity(0.55).nBinsX(120)
          .marker(Marker.builder().color(ChannelColors.css(c).replace("rgb(235,235,235)", "rgb(120,120,120)")).build())
          .build());
    }
    Layout layout = Layout.builder().title("Raw 16-bit counts per channel, " + site.id())
        .barMode(Layout.BarMode.OVERLAY).height(420).width(900)
        .xAxis(Axis.builder().title("counts").build())
        .yAxis(Axis.builder().title("pixels").type(Axis.Type.LOG).build()).build();
    return new Figure(layout, traces.toArray(new Trace[0]));
  }
}
