package org.brightpaint.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 table: a header and rows of strings. Fields holding the delimiter, a quote or a
 * line break are quoted on writing; quoted fields are understood on reading.
 *
 * @param header the column names
 * @param rows the rows, each as long as the header
 */
public record Csv(List<String> header, List<List<String>> rows) {

  /** Validates and copies. */
  public Csv {
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != header.size()) {
        throw new IllegalArgumentException("Row " + (i + 1) + " has " + rows.get(i).size() + " fields, header has " + header.size());
      }
      copy.add(List.copyOf(rows.get(i)));
    }
    rows = List.copyOf(copy);
  }

  /**
   * The index of a column.
   *
   * @param name the column name
   * @return its index
   * @throws IllegalArgumentException naming the column when it is absent
   */
  public int column(String name) {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("No column '" + name + "' in " + header);
    }
    return i;
  }

  /** @return each row as a map from column name to value */
  public List<Map<String, String>> records() {
    List<Map<String, String>> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Reads a comma-separated file.
   *
   * @param file the file
   * @return the table
   * @throws UncheckedIOException or IllegalArgumentException naming the file
   */
  public static Csv read(Path file) {
    return read(file, ',');
  }

  /**
   * Reads a delimited file (',' or '\t').
   *
   * @param file the file
   * @param delimiter the field separator
   * @return the table
   */
  public static Csv read(Path file, char delimiter) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text, delimiter);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses delimited text.
   *
   * @param text the content (first line is the header)
   * @param delimiter the field separator
   * @return the table
   */
  public static Csv parse(String text, char delimiter) {
    List<List<String>> lines = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == delimiter) {
        cur.add(f.toString());
        f.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || f.length() > 0) {
          cur.add(f.toString());
          lines.add(cur);
        }
        cur = new ArrayList<>();
        f.setLength(0);
        any = false;
      } else {
        f.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    if (any || f.length() > 0) {
      cur.add(f.toString());
      lines.add(cur);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("empty table (no header)");
    }
    List<String> header = lines.getFirst();
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> r = lines.get(i);
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("line " + (i + 1) + " has " + r.size() + " fields, header has " + header.size());
      }
      rows.add(r);
    }
    return new Csv(header, rows);
  }

  /** @return the table as comma-separated text with '\n' line ends */
  public String format() {
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header);
    for (List<String> r : rows) {
      appendLine(sb, r);
    }
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = fields.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    sb.append('\n');
  }

  /**
   * Writes the table atomically as CSV.
   *
   * @param file the target
   */
  public void write(Path file) {
    AtomicFiles.writeString(file, format());
  }
}
