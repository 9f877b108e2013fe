package org.brightpaint.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One notebook output: the same content in one or more MIME types, as in Jupyter's
 * {@code display_data} message ({@code data: {"text/plain": ..., "image/png": <base64>}}).
 *
 * <p>Pure: building a bundle touches no kernel and no file, so every representation is
 * unit-tested. Every bundle carries a {@code text/plain} alternative.
 *
 * @param data MIME type to content (base64 for binary types), in insertion order, unmodifiable
 */
public record MimeBundle(Map<String, String> data) {

  /** Plain text. */
  public static final String TEXT = "text/plain";
  /** An HTML fragment. */
  public static final String HTML = "text/html";
  /** Markdown. */
  public static final String MARKDOWN = "text/markdown";
  /** A base64-encoded PNG. */
  public static final String PNG = "image/png";
  /** A base64-encoded JPEG. */
  public static final String JPEG = "image/jpeg";
  /** JPEG quality (ImageIO's 0..1 scale) of {@link #ofDisplayImage} pictures. */
  public static final float JPEG_QUALITY = 0.85f;
  /**
   * {@link #ofDisplayImage} keeps the lossless PNG unless the JPEG is at most this fraction of
   * its size (photograph-like content: montages of micrographs; line art and plots stay PNG).
   */
  public static final double JPEG_MAX_FRACTION = 0.5;
  /**
   * Widest picture {@link #ofDisplayImage} shows, in pixels: about the width of a notebook's
   * output area (wider images are scaled down by area averaging, keeping the aspect ratio).
   */
  public static final int MAX_DISPLAY_WIDTH = 900;

  /**
   * Headline numbers for the regression run: a JSON object of "table / row key / column" to value;
   * {@code environment/run-notebooks} compares those that {@code environment/headlines-ci.json}
   * lists (source {@code "tagged"}) with their recorded values.
   */
  public static final String HEADLINES = "application/vnd.brightpaint.headlines";

  /** The default number of table rows rendered as HTML. */
  public static final int DEFAULT_TABLE_ROWS = 50;

  /** Validates and freezes the map. */
  public MimeBundle {
    if (data == null || data.isEmpty()) {
      throw new IllegalArgumentException("A MIME bundle needs at least one representation");
    }
    if (!data.containsKey(TEXT)) {
      throw new IllegalArgumentException("A MIME bundle needs a text/plain alternative, got " + data.keySet());
    }
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }

  /**
   * @param mime a MIME type
   * @return the content for that type, or null
   */
  public String get(String mime) {
    return data.get(mime);
  }

  /**
   * @param text plain text
   * @return a text-only bundle
   */
  public static MimeBundle ofText(String text) {
    return new MimeBundle(Map.of(TEXT, String.valueOf(text)));
  }

  /**
   * @param html an HTML fragment (trusted: not escaped)
   * @param plain its plain-text alternative
   * @return a bundle with text/html and text/plain
   */
  public static MimeBundle ofHtml(String html, String plain) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, plain);
    m.put(HTML, html);
    return new MimeBundle(m);
  }

  /**
   * @param markdown Markdown text
   * @return a bundle with text/markdown and the same text as text/plain
   */
  public static MimeBundle ofMarkdown(String markdown) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, markdown);
    m.put(MARKDOWN, markdown);
    return new MimeBundle(m);
  }

  /**
   * An image as {@code image/png}, encoded here (ImageIO into a byte array, then base64 without
   * line breaks) so that no byte is lost, plus a {@code text/plain} description.
   *
   * @param image any image; 8/16-bit gray and RGB(A) keep their exact sample values
   * @return the bundle
   */
  public static MimeBundle ofImage(BufferedImage image) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, describe(image));
    m.put(PNG, Base64.getEncoder().encodeToString(png(image)));
    return new MimeBundle(m);
  }

  /**
   * An image for viewing in a notebook: {@code image/jpeg} (quality {@value #JPEG_QUALITY}) when the
   * image is opaque and its JPEG is at most {@value #JPEG_MAX_FRACTION} of its PNG's size, else the
   * lossless {@code image/png} of {@link #ofImage}; plus a {@code text/plain} description. An image
   * wider than {@value #MAX_DISPLAY_WIDTH} pixels is first scaled to that width ({@link
   * #displaySize}). A 1024 x 1296 montage of micrographs is 1.7 MB as PNG, 0.31 MB as JPEG and
   * 0.21 MB as JPEG at 900 x 1139 (issue 10: executed
   * notebooks and their HTML under 15 MB); the shown pixels are for the eye only, never measured
   * (measurements read the TIFFs). Use {@link #ofImage} when the exact samples matter.
   *
   * @param image any image
   * @return the bundle (exactly one of {@link #JPEG} or {@link #PNG})
   */
  public static MimeBundle ofDisplayImage(BufferedImage image) {
    BufferedImage shown = displaySize(image);
    byte[] png = png(shown);
    byte[] jpeg = shown.getColorModel().hasAlpha() ? null : jpeg(shown, JPEG_QUALITY);
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, describe(image)
        + (shown == image ? "" : ", shown at " + shown.getWidth() + " x " + shown.getHeight()));
    if (jpeg != null && jpeg.length <= JPEG_MAX_FRACTION * png.length) {
      m.put(JPEG, Base64.getEncoder().encodeToString(jpeg));
    } else {
      m.put(PNG, Base64.getEncoder().encodeToString(png));
    }
    return new MimeBundle(m);
  }

  /**
   * The image as {@link #ofDisplayImage} shows it: itself when at most {@link #MAX_DISPLAY_WIDTH}
   * pixels wide, else scaled to that width and {@code round(height x 900 / width)} rows by area
   * averaging (each shown pixel the mean of the source pixels it covers), as 8-bit RGB, or ARGB
   * when the image has alpha.
   *
   * @param image any image
   * @return the image to encode (the same object when no scaling is needed)
   */
  public static BufferedImage displaySize(BufferedImage image) {
    if (image.getWidth() <= MAX_DISPLAY_WIDTH) {
      return image;
    }
    int w = MAX_DISPLAY_WIDTH;
    int h = Math.max(1, (int) Math.round(image.getHeight() * (double) w / image.getWidth()));
    boolean alpha = image.getColorModel().hasAlpha();
    BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(image.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
    g.dispose();
    return out;
  }

  /**
   * Encodes an opaque image as baseline JPEG bytes (drawn into 8-bit RGB first; a gray image
   * becomes three equal channels).
   *
   * @param image the image, without alpha
   * @param quality ImageIO compression quality in [0, 1]
   * @return the complete JPEG file content
   */
  public static byte[] jpeg(BufferedImage image, float quality) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    if (!(quality >= 0f && quality <= 1f)) {
      throw new IllegalArgumentException("JPEG quality must be in [0, 1], got " + quality);
    }
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      javax.imageio.ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.setOutput(ios);
      writer.write(null, new javax.imageio.IIOImage(rgb, null, null), p);
      ios.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    } finally {
      writer.dispose();
    }
  }

  /**
   * Encodes an image as PNG bytes. Types ImageIO's PNG writer refuses (e.g. float rasters) are
   * first drawn into an 8-bit ARGB image.
   *
   * @param image the image
   * @return the complete PNG file content
   */
  public static byte[] png(BufferedImage image) {
    if (image == null) {
      throw new IllegalArgumentException("image must not be null");
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() + 1024);
      if (!ImageIO.write(image, "png", out)) {
        BufferedImage argb =
            new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        out.reset();
        if (!ImageIO.write(argb, "png", out)) {
          throw new IllegalStateException("No PNG writer available in this JVM");
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
  }

  /**
   * A Tablesaw table as an HTML table (every header and cell escaped) with at most
   * {@code maxRows} rows, plus the table's own text rendering of the same rows.
   *
   * @param table the table
   * @param maxRows how many rows to render (at least 1); the rest are counted, not shown
   * @return the bundle
   */
  public static MimeBundle ofTable(Table table, int maxRows) {
    if (table == null) {
      throw new IllegalArgumentException("table must not be null");
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
    }
    int rows = table.rowCount();
    int shown = Math.min(rows, maxRows);
    StringBuilder h = new StringBuilder(256 + shown * table.columnCount() * 24);
    h.append("<table class=\"brightpaint-table\" style=\"border-collapse:collapse\">\n");
    if (table.name() != null && !table.name().isBlank()) {
      h.append("<caption style=\"text-align:left\"><b>").append(Html.escape(table.name()))
          .append("</b> (").append(rows).append(" rows &times; ").append(table.columnCount())
          .append(" columns)</caption>\n");
    }
    h.append("<thead><tr>");
    for (Column<?> c : table.columns()) {
      h.append("<th style=\"text-align:left;padding:2px 8px\">").append(Html.escape(c.name())).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < shown; r++) {
      h.append("<tr>");
      for (Column<?> c : table.columns()) {
        // numeric cells are marked so that run-notebooks can tell an all-NaN table from a text table
        h.append(c instanceof tech.tablesaw.api.NumericColumn<?> ? "<td class=\"bp-num\" style=\"padding:2px 8px\">"
            : "<td style=\"padding:2px 8px\">").append(Html.escape(cell(c, r))).append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody></table>\n");
    if (shown < rows) {
      h.append("<p><i>first ").append(shown).append(" of ").append(rows).append(" rows</i></p>\n");
    }
    StringBuilder plainText = new StringBuilder();
    for (Column<?> c : table.columns()) plainText.append(plainText.isEmpty() ? "" : "\t").append(c.name());
    for (int r = 0; r < shown; r++) {
      plainText.append('\n');
      for (int c = 0; c < table.columnCount(); c++) plainText.append(c == 0 ? "" : "\t").append(cell(table.column(c), r));
    }
    String plain = (table.name() == null ? "" : table.name() + "\n") + plainText;
    if (shown < rows) {
      plain += "\n(first " + shown + " of " + rows + " rows)";
    }
    return ofHtml(h.toString(), plain);
  }

  /**
   * @param table the table
   * @return {@link #ofTable(Table, int)} with {@link #DEFAULT_TABLE_ROWS} rows
   */
  public static MimeBundle ofTable(Table table) {
    return ofTable(table, DEFAULT_TABLE_ROWS);
  }

  /**
   * A cell as shown: doubles with {@value #SIGNIFICANT_DIGITS} significant digits (integral
   * values without a decimal point, magnitudes below 0.001 or from 10^7 in scientific notation),
   * missing values empty, anything else as its text.
   */
  static String cell(Column<?> c, int row) {
    if (c.isMissing(row)) return "";
    if (c instanceof tech.tablesaw.api.DoubleColumn d) return number(d.getDouble(row));
    if (c instanceof tech.tablesaw.api.FloatColumn f) return number(f.getFloat(row));
    return c.getString(row);
  }

  /** Significant digits of table cells. */
  public static final int SIGNIFICANT_DIGITS = 4;

  /**
   * @param v a value
   * @return v with {@link #SIGNIFICANT_DIGITS} significant digits, e.g. 0.01176575 -> "0.01177",
   *     19.8282 -> "19.83", 48.0 -> "48", 1.6086e-5 -> "1.609e-05"; "NaN", "Infinity" as such
   */
  public static String number(double v) {
    if (!Double.isFinite(v)) return Double.toString(v);
    if (v == Math.rint(v) && Math.abs(v) < 1e7) return Long.toString((long) v);
    double a = Math.abs(v);
    if (a < 1e-3 || a >= 1e7) return String.format(java.util.Locale.ROOT, "%." + (SIGNIFICANT_DIGITS - 1) + "e", v);
    return new java.math.BigDecimal(v).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros().toPlainString();
  }

  private static String describe(BufferedImage image) {
    int bits = image.getColorModel().getComponentSize(0);
    int bands = image.getRaster().getNumBands();
    return "image " + image.getWidth() + " x " + image.getHeight() + ", " + bands
        + (bands == 1 ? " band" : " bands") + ", " + bits + "-bit";
  }

  /**
   * The numeric cells of a table as headline numbers: key {@code "<table name> / <the row's text
   * values, joined by ' / '> / <column>"}; non-finite values as JSON null.
   *
   * @param table a table whose text columns name the rows (e.g. model and channel)
   * @return a bundle with {@link #HEADLINES} and a one-line text alternative
   */
  public static MimeBundle ofHeadlines(tech.tablesaw.api.Table table) {
    StringBuilder json = new StringBuilder("{");
    int n = 0;
    for (int r = 0; r < table.rowCount(); r++) {
      StringBuilder key = new StringBuilder();
      for (int c = 0; c < table.columnCount(); c++) {
        if (!(table.column(c) instanceof tech.tablesaw.api.NumericColumn<?>)) key.append(key.isEmpty() ? "" : " / ").append(table.column(c).getString(r));
      }
      String row = key.toString();
      for (int c = 0; c < table.columnCount(); c++) {
        if (!(table.column(c) instanceof tech.tablesaw.api.NumericColumn<?> num)) continue;
        double v = num.getDouble(r);
        if (n++ > 0) json.append(", ");
        json.append(jsonString(table.name() + " / " + row + " / " + table.column(c).name())).append(": ")
            .append(Double.isFinite(v) ? Double.toString(v) : "null");
      }
    }
    json.append("}");
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TEXT, n + " headline numbers of " + table.name()
        + " published (environment/headlines-ci.json names those run-notebooks checks)");
    m.put(HEADLINES, json.toString());
    return new MimeBundle(m);
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') b.append('\\').append(ch);
      else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.append('"').toString();
  }
}
