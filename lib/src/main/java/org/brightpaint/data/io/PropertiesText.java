package org.brightpaint.data.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The text of a {@code .properties} header as the toolkit writes it: one comment line, then the
 * entries in key order, in {@link Properties#store(java.io.Writer, String)}'s escaping, and no
 * date line. {@code Properties.store} always writes the current time as a second comment, so two
 * saves of the same generator or checkpoint would differ in bytes; this text does not ("same
 * input, same bytes"). {@link Properties#load(java.io.Reader)} reads it back unchanged.
 */
public final class PropertiesText {

  private PropertiesText() {}

  /**
   * The header text.
   *
   * @param properties the entries (keys and values as strings)
   * @param comment the first line, written after {@code #}; no line breaks
   * @return {@code #comment}, then {@code key=value} lines sorted by key, each ending in {@code \n}
   */
  public static String of(Properties properties, String comment) {
    if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("Comment must be one line: " + comment);
    }
    Properties sorted = new Properties();
    sorted.putAll(properties);
    StringWriter w = new StringWriter();
    try {
      sorted.store(w, null); // JDK 18+: entries in key order; first line is the date comment
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String text = w.toString().replace(System.lineSeparator(), "\n");
    int firstBreak = text.indexOf('\n');
    if (!text.startsWith("#") || firstBreak < 0) {
      throw new IllegalStateException("Properties.store did not start with its date comment");
    }
    return "#" + comment + "\n" + text.substring(firstBreak + 1);
  }
}
