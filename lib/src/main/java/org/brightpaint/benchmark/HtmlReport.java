package org.brightpaint.benchmark;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * One self-contained, offline HTML report: headings, text, tables, Plotly figures and images.
 * plotly.js is inlined once in the head (taken from the classpath resource
 * {@value #PLOTLY_RESOURCE}, the copy the notebook display bridge ships), every figure is a div
 * plus a script, images are inline base64 PNGs. Written atomically.
 */
public final class HtmlReport {
  /** The classpath resource holding plotly.js. */
  public static final String PLOTLY_RESOURCE = "/org/brightpaint/report/plotly-cartesian-2.35.3.min.js";

  private final String title;
  private final String plotly;
  private final List<String> body = new ArrayList<>();
  private int figures;

  private HtmlReport(String title, String plotly) {
    this.title = title;
    this.plotly = plotly;
  }

  /**
   * @param title the page title
   * @return a report that inlines plotly.js from the classpath
   * @throws IllegalStateException when the plotly.js resource is missing (no silent CDN fallback)
   */
  public static HtmlReport create(String title) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(PLOTLY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("plotly.js is not on the classpath (" + PLOTLY_RESOURCE + "): cannot write an offline report");
      }
      return new HtmlReport(title, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param title the page title
   * @param plotlyJs the plotly.js source to inline
   * @return a report
   */
  public static HtmlReport create(String title, String plotlyJs) {
    return new HtmlReport(title, plotlyJs);
  }

  /** @param text a section heading @return this */
  public HtmlReport heading(String text) {
    body.add("<h2>" + escape(text) + "</h2>");
    return this;
  }

  /** @param text a paragraph (escaped) @return this */
  public HtmlReport paragraph(String text) {
    body.add("<p>" + escape(text) + "</p>");
    return this;
  }

  /**
   * @param table a table, shown with at most {@code maxRows} rows
   * @param maxRows the row limit
   * @return this
   */
  public HtmlReport table(Table table, int maxRows) {
    StringBuilder sb = new StringBuilder("<table><caption>").append(escape(table.name())).append("</caption><tr>");
    for (String c : table.columnNames()) sb.append("<th>").append(escape(c)).append("</th>");
    sb.append("</tr>");
    for (int r = 0; r < Math.min(maxRows, table.rowCount()); r++) {
      sb.append("<tr>");
      for (int c = 0; c < table.columnCount(); c++) {
        var col = table.column(c);
        String v = col.isMissing(r) ? "" : col.get(r) instanceof Double d ? format(d) : col.getString(r);
        sb.append("<td>").append(escape(v)).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</table>");
    if (table.rowCount() > maxRows) sb.append("<p class=note>").append(table.rowCount() - maxRows).append(" more rows in the CSV.</p>");
    body.add(sb.toString());
    return this;
  }

  /** @param figure a Plotly figure @return this */
  public HtmlReport figure(Figure figure) {
    String id = "figure_" + (++figures);
    body.add("<div id=\"" + id + "\"></div>\n<script>" + figure.asJavascript(id) + "</script>");
    return this;
  }

  /**
   * @param image an image, embedded as PNG
   * @param caption a caption
   * @return this
   */
  public HtmlReport image(BufferedImage image, String caption) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    body.add("<figure><img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray())
        + "\"><figcaption>" + escape(caption) + "</figcaption></figure>");
    return this;
  }

  /** @return the whole page */
  public String html() {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n"
        + "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}table{border-collapse:collapse;margin:8px 0}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:12px}caption{font-weight:bold;text-align:left}.note{color:#666}</style>\n"
        + "<script>" + plotly + "</script>\n</head><body>\n<h1>" + escape(title) + "</h1>\n" + String.join("\n", body) + "\n</body></html>\n";
  }

  /**
   * @param file the target file
   * @return the file
   */
  public Path write(Path file) {
    return ReportFiles.writeString(html(), file);
  }

  private static String format(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
    return Math.abs(d) >= 1e4 || (Math.abs(d) < 1e-3 && d != 0) ? String.format("%.3e", d) : String.format("%.4f", d);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
