package org.brightpaint.eval;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * A Plotly heatmap that Tablesaw's builder cannot express: a fixed colour range (the same for
 * every figure of one metric, so figures compare), the value written in every cell, and the first
 * row at the top (a matrix reads as printed: row i, column i on the diagonal from top left).
 *
 * <p>Emits the same script shape as Tablesaw ({@code <script> var target = ...; Plotly.newPlot(...)
 * </script>}); undefined cells (NaN) are {@code null}, drawn empty.
 */
public final class AnnotatedHeatmap extends Figure {

  /**
   * Options.
   *
   * @param title the title
   * @param xTitle x-axis title (columns)
   * @param yTitle y-axis title (rows)
   * @param colourTitle colour bar title (the metric and its unit)
   * @param zmin lower end of the colour range
   * @param zmax upper end of the colour range
   * @param digits decimals written in each cell
   * @param height height in pixels
   * @param width width in pixels (0: full width)
   */
  public record Options(String title, String xTitle, String yTitle, String colourTitle, double zmin, double zmax, int digits,
      int height, int width) {

    /** Validates. */
    public Options {
      if (!(zmin < zmax)) throw new IllegalArgumentException("zmin must be below zmax, got " + zmin + " and " + zmax);
    }
  }

  private final List<String> x, y;
  private final double[][] z;
  private final Options o;

  private AnnotatedHeatmap(List<String> x, List<String> y, double[][] z, Options o) {
    super(HeatmapTrace.builder(x.toArray(), y.toArray(), z).build());
    this.x = List.copyOf(x);
    this.y = List.copyOf(y);
    this.z = z;
    this.o = o;
  }

  /**
   * @param columns column labels (x)
   * @param rows row labels (y, first at the top)
   * @param z values [row][column]; NaN for undefined
   * @param options title, axes, fixed colour range
   * @return the figure
   */
  public static AnnotatedHeatmap of(List<String> columns, List<String> rows, double[][] z, Options options) {
    if (z.length != rows.size()) throw new IllegalArgumentException("z has " + z.length + " rows, labels " + rows.size());
    for (double[] r : z) if (r.length != columns.size()) throw new IllegalArgumentException("z row has " + r.length + " values, labels " + columns.size());
    return new AnnotatedHeatmap(columns, rows, z, options);
  }

  @Override
  public String asJavascript(String divName) {
    String t = "target_" + divName;
    StringBuilder sb = new StringBuilder("<script>\nvar ").append(t).append(" = document.getElementById('").append(divName).append("');\n");
    sb.append("var data = [{type: 'heatmap', x: ").append(strings(x)).append(", y: ").append(strings(y)).append(", z: [");
    for (int i = 0; i < z.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('[');
      for (int j = 0; j < z[i].length; j++) sb.append(j == 0 ? "" : ", ").append(Double.isFinite(z[i][j]) ? Double.toString(z[i][j]) : "null");
      sb.append(']');
    }
    sb.append("], zmin: ").append(o.zmin()).append(", zmax: ").append(o.zmax()).append(", colorscale: 'RdBu', reversescale: true")
        .append(", texttemplate: '%{z:.").append(o.digits()).append("f}', hoverongaps: false")
        .append(", colorbar: {title: {text: ").append(string(o.colourTitle())).append("}}}];\n");
    sb.append("var layout = {title: {text: ").append(string(o.title())).append("}, height: ").append(o.height())
        .append(o.width() > 0 ? ", width: " + o.width() : "")
        .append(", margin: {l: 140, b: 90, t: 50}, xaxis: {title: {text: ").append(string(o.xTitle())).append("}, automargin: true}")
        .append(", yaxis: {title: {text: ").append(string(o.yTitle())).append("}, autorange: 'reversed', automargin: true}};\n");
    sb.append("Plotly.newPlot(").append(t).append(", data, layout);\n</script>");
    return sb.toString();
  }

  private static String strings(List<String> s) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < s.size(); i++) b.append(i == 0 ? "" : ", ").append(string(s.get(i)));
    return b.append(']').toString();
  }

  /** @return a single-quoted JavaScript string literal */
  static String string(String s) {
    StringBuilder b = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      if (c == '\'' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c == '<' || c == '>') b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('\'').toString();
  }
}
