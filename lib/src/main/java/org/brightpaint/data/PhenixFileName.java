package org.brightpaint.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of an Opera Phenix image file name, {@code r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff}
 * (row, column, field, plane, channel), as used in cpg0000.
 *
 * @param well the well (row and column)
 * @param field the field (site), 1-based
 * @param plane the focal plane, 1-based (always 1 in CPJUMP1)
 * @param channel the channel ({@code ch1..ch8})
 */
public record PhenixFileName(Well well, int field, int plane, Channel channel) {

  private static final Pattern NAME =
      Pattern.compile("r(\\d{2})c(\\d{2})f(\\d{2})p(\\d{2})-ch(\\d+)sk\\d+fk\\d+fl\\d+\\.tiff?", Pattern.CASE_INSENSITIVE);

  /** Validates. */
  public PhenixFileName {
    if (well == null || channel == null) {
      throw new IllegalArgumentException("Phenix file name needs a well and a channel");
    }
    if (field < 1 || field > 99 || plane < 1 || plane > 99) {
      throw new IllegalArgumentException("Field " + field + " / plane " + plane + " out of range 1..99");
    }
  }

  /**
   * Parses a file name (without folders).
   *
   * @param fileName e.g. "r01c02f03p01-ch5sk1fk1fl1.tiff"
   * @return its parts
   * @throws IllegalArgumentException naming the file when it does not follow the pattern or names
   *     a well or channel that does not exist
   */
  public static PhenixFileName parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Not a Phenix image name: '" + fileName + "' (expected r<RR>c<CC>f<FF>p<PP>-ch<N>sk1fk1fl1.tiff)");
    }
    try {
      return new PhenixFileName(
          new Well(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
          Channel.ofPhenix(Integer.parseInt(m.group(5))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Bad Phenix image name '" + fileName + "': " + e.getMessage(), e);
    }
  }

  /**
   * The name of an in-focus (plane 1) image.
   *
   * @param well the well
   * @param field the field, 1-based
   * @param channel the channel
   * @return the parts
   */
  public static PhenixFileName of(Well well, int field, Channel channel) {
    return new PhenixFileName(well, field, 1, channel);
  }

  /** @return the file name, e.g. "r01c02f03p01-ch5sk1fk1fl1.tiff" */
  public String fileName() {
    return String.format("r%02dc%02df%02dp%02d-ch%dsk1fk1fl1.tiff", well.row(), well.column(), field, plane,
        channel.phenixNumber());
  }

  @Override
  public String toString() {
    return fileName();
  }
}
