package org.brightpaint.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One well of a 384-well plate: 16 rows (A..P) by 24 columns (1..24).
 *
 * @param row 1..16 (A = 1), as in Phenix file names {@code r01..r16}
 * @param column 1..24, as in {@code c01..c24}
 */
public record Well(int row, int column) implements Comparable<Well> {

  /** Rows of a 384-well plate. */
  public static final int ROWS = 16;
  /** Columns of a 384-well plate. */
  public static final int COLUMNS = 24;

  private static final Pattern NAME = Pattern.compile("([A-Pa-p])0*(\\d{1,2})");

  /** Validates the position. */
  public Well {
    if (row < 1 || row > ROWS || column < 1 || column > COLUMNS) {
      throw new IllegalArgumentException("Well r" + row + "c" + column + " is outside a 384-well plate (r1..16, c1..24)");
    }
  }

  /**
   * Parses a well name.
   *
   * @param name "A01", "a1", "P24"
   * @return the well
   * @throws IllegalArgumentException naming the value when it is not a 384-well position
   */
  public static Well parse(String name) {
    Matcher m = NAME.matcher(name.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("Unknown well '" + name + "': expected A01..P24");
    }
    return new Well(Character.toUpperCase(m.group(1).charAt(0)) - 'A' + 1, Integer.parseInt(m.group(2)));
  }

  /** @return all 384 wells in row-major order (A01, A02, ..., P24) */
  public static List<Well> all() {
    List<Well> wells = new ArrayList<>(ROWS * COLUMNS);
    for (int r = 1; r <= ROWS; r++) {
      for (int c = 1; c <= COLUMNS; c++) {
        wells.add(new Well(r, c));
      }
    }
    return wells;
  }

  /** @return the name with a zero-padded column, e.g. "A01" */
  public String name() {
    return String.format("%c%02d", (char) ('A' + row - 1), column);
  }

  @Override
  public int compareTo(Well o) {
    return row != o.row ? Integer.compare(row, o.row) : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return name();
  }
}
