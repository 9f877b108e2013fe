package org.brightpaint.benchmark;

import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Atomic file output for reports: content is written to a temporary file in the target folder
 * and then renamed over the target, so a crash never leaves a half-written CSV or HTML file.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Writes a table as CSV (header row, comma-separated; missing values empty; infinite doubles as
   * "Infinity").
   *
   * @param table the table
   * @param file the target file; parent folders are created
   * @return the file
   */
  public static Path write(Table table, Path file) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", table.columnNames().stream().map(ReportFiles::quote).toList())).append('\n');
    for (int r = 0; r < table.rowCount(); r++) {
      for (int c = 0; c < table.columnCount(); c++) {
        if (c > 0) sb.append(',');
        var col = table.column(c);
        if (!col.isMissing(r)) {
          Object v = col.get(r);
          sb.append(v instanceof Double d ? Double.toString(d) : quote(col.getString(r)));
        }
      }
      sb.append('\n');
    }
    return writeString(sb.toString(), file);
  }

  /**
   * Writes text atomically.
   *
   * @param text the content (UTF-8)
   * @param file the target; parent folders are created
   * @return the file
   */
  public static Path writeString(String text, Path file) {
    org.brightpaint.data.io.AtomicFiles.writeString(file, text);
    return file;
  }

  /**
   * Writes bytes atomically.
   *
   * @param bytes the content
   * @param file the target; parent folders are created
   * @return the file
   */
  public static Path writeBytes(byte[] bytes, Path file) {
    org.brightpaint.data.io.AtomicFiles.write(file, bytes);
    return file;
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
