package org.brightpaint.features.pipeline;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Streams per-site tables into CellProfiler-named CSV files ({@code Image.csv},
 * {@code Nuclei.csv}, {@code Cells.csv}, {@code Cytoplasm.csv}, optionally gzipped as
 * {@code .csv.gz}). Rows go to hidden temporary files in the output folder; {@link #close()}
 * renames them into place atomically, so a crashed run never leaves a truncated table under the
 * final name. The first table appended for a name fixes its header; later tables must have the
 * same columns.
 *
 * <p>Non-finite values are written as {@code NaN} (CellProfiler's ExportToSpreadsheet setting
 * "Representation of Nan/Inf: NaN", as in both pipelines), or as {@code 0} with
 * {@link NonFinite#ZERO}.
 */
public final class ProfileWriter implements Closeable {

  /** How NaN and infinities are written. */
  public enum NonFinite {
    /** {@code NaN} for every non-finite value. */
    NAN,
    /** {@code 0} for every non-finite value. */
    ZERO
  }

  private final Path dir;
  private final boolean gzip;
  private final NonFinite nonFinite;
  private final Map<String, Sink> sinks = new LinkedHashMap<>();
  private boolean closed;

  private record Sink(Path tmp, Path target, Writer writer, List<String> header) {}

  /**
   * @param dir output folder (created if absent)
   * @param gzip write {@code .csv.gz}
   * @param nonFinite how to write NaN/Inf
   * @throws IOException when the folder cannot be created
   */
  public ProfileWriter(Path dir, boolean gzip, NonFinite nonFinite) throws IOException {
    this.dir = dir;
    this.gzip = gzip;
    this.nonFinite = nonFinite;
    Files.createDirectories(dir);
  }

  /**
   * Appends one site's tables.
   *
   * @param tables the site's tables
   * @throws UncheckedIOException on write errors
   */
  public synchronized void append(ProfileTables tables) {
    appendTable("Image", tables.image());
    for (Map.Entry<Compartment, Table> e : tables.compartments().entrySet()) {
      appendTable(e.getKey().cpName(), e.getValue());
    }
  }

  /**
   * Appends a table to the file {@code <name>.csv}.
   *
   * @param name file stem
   * @param t the rows
   */
  public synchronized void appendTable(String name, Table t) {
    if (closed) {
      throw new IllegalStateException("ProfileWriter is closed");
    }
    try {
      Sink s = sinks.get(name);
      if (s == null) {
        String file = name + (gzip ? ".csv.gz" : ".csv");
        Path target = dir.resolve(file);
        Path tmp = dir.resolve("." + file + ".tmp");
        OutputStream os = Files.newOutputStream(tmp);
        if (gzip) {
          os = new GZIPOutputStream(os, 1 << 16);
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        s = new Sink(tmp, target, w, new ArrayList<>(t.columnNames()));
        sinks.put(name, s);
        w.write(String.join(",", s.header()));
        w.write('\n');
      } else if (!s.header().equals(t.columnNames())) {
        throw new IllegalArgumentException("Table " + name + ": columns differ from the first site's ("
            + t.columnCount() + " vs " + s.header().size() + ")");
      }
      Writer w = s.writer();
      List<Column<?>> cols = t.columns();
      StringBuilder sb = new StringBuilder(1 << 14);
      for (int r = 0; r < t.rowCount(); r++) {
        sb.setLength(0);
        for (int c = 0; c < cols.size(); c++) {
          if (c > 0) {
            sb.append(',');
          }
          if (cols.get(c) instanceof tech.tablesaw.api.DoubleColumn dc) {
            double d = dc.getDouble(r);
            if (Double.isFinite(d)) {
              sb.append(d);
            } else {
              sb.append(nonFinite == NonFinite.NAN ? "NaN" : "0");
            }
            continue;
          }
          Object v = cols.get(c).get(r);
          if (v instanceof Double d) {
            if (Double.isFinite(d)) {
              sb.append(d.doubleValue());
            } else {
              sb.append(nonFinite == NonFinite.NAN ? "NaN" : "0");
            }
          } else if (v instanceof String str) {
            sb.append(str.contains(",") || str.contains("\"") ? "\"" + str.replace("\"", "\"\"") + "\"" : str);
          } else {
            sb.append(v);
          }
        }
        sb.append('\n');
        w.append(sb);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing " + name + " in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a whole table atomically (temporary file, then rename).
   *
   * @param table the table
   * @param file the target file ({@code .gz} suffix gzips)
   * @param nonFinite how to write NaN/Inf
   * @throws IOException on write errors
   */
  public static void writeTable(Table table, Path file, NonFinite nonFinite) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    String fileName = file.getFileName().toString();
    boolean gz = fileName.endsWith(".gz");
    String stem = fileName.replaceAll("\\.csv(\\.gz)?$", "");
    try (ProfileWriter w = new ProfileWriter(parent, gz, nonFinite)) {
      w.appendTable(stem, table);
    }
  }

  /** @return the final paths of the files written so far */
  public synchronized List<Path> files() {
    return sinks.values().stream().map(Sink::target).toList();
  }

  /**
   * Discards everything written: closes and deletes the temporary files, so a failed run leaves
   * no table under a final name. Later calls to {@link #close()} do nothing.
   */
  public synchronized void abort() {
    if (closed) {
      return;
    }
    closed = true;
    for (Sink s : sinks.values()) {
      try {
        s.writer().close();
      } catch (IOException ignored) {
        // the file is deleted next
      }
      try {
        Files.deleteIfExists(s.tmp());
      } catch (IOException ignored) {
        // best effort: a hidden .tmp file may remain
      }
    }
  }

  /** Flushes and renames every file into place. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    for (Sink s : sinks.values()) {
      s.writer().close();
      org.brightpaint.data.io.AtomicFiles.move(s.tmp(), s.target());
    }
  }
}
