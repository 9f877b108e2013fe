package org.brightpaint.data;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image channel, named as CellProfiler names images ({@code FileName_<Name>} in a LoadData
 * CSV): the eight channels of a CPJUMP1 (cpg0000) site as constants, with their Opera Phenix
 * channel numbers ({@code ch1..ch8} in file names), or any other channel a user names (phase
 * planes, DAPI, MAP2, ...; see {@link #named(String)}).
 *
 * <p>The paper's generators map {@link #BRIGHTFIELD_INPUTS} ([3,H,W], in that order) to
 * {@link #FLUORESCENT} ([5,H,W], the paper's order Mito, AGP, RNA, ER, DNA); a generator may map
 * any non-empty list of channels to any other (see {@code models.GeneratorOptions}).
 *
 * <p>Channels are values: two channels are equal when their names are. They order as the eight
 * CPJUMP1 channels in declaration order, then other channels by name.
 */
public final class Channel implements Comparable<Channel> {

  /** Mitochondria (MitoTracker), ch1. */
  public static final Channel MITO = new Channel(0, "MITO", 1, "Mito", true);
  /** Actin, Golgi and plasma membrane (phalloidin + WGA), ch2. */
  public static final Channel AGP = new Channel(1, "AGP", 2, "AGP", true);
  /** Nucleoli and cytoplasmic RNA (SYTO 14), ch3. */
  public static final Channel RNA = new Channel(2, "RNA", 3, "RNA", true);
  /** Endoplasmic reticulum (concanavalin A), ch4. */
  public static final Channel ER = new Channel(3, "ER", 4, "ER", true);
  /** Nuclear DNA (Hoechst), ch5. */
  public static final Channel DNA = new Channel(4, "DNA", 5, "DNA", true);
  /** Brightfield 5 um above focus, ch6. */
  public static final Channel HIGH_Z_BF = new Channel(5, "HIGH_Z_BF", 6, "HighZBF", false);
  /** Brightfield 5 um below focus, ch7. */
  public static final Channel LOW_Z_BF = new Channel(6, "LOW_Z_BF", 7, "LowZBF", false);
  /** Brightfield in focus, ch8. */
  public static final Channel BRIGHTFIELD = new Channel(7, "BRIGHTFIELD", 8, "Brightfield", false);

  private static final List<Channel> CPJUMP1 = List.of(MITO, AGP, RNA, ER, DNA, HIGH_Z_BF, LOW_Z_BF, BRIGHTFIELD);

  /** The five fluorescent channels in the paper's output order: Mito, AGP, RNA, ER, DNA. */
  public static final List<Channel> FLUORESCENT = List.of(MITO, AGP, RNA, ER, DNA);

  /** The three brightfield planes in the generators' input order: LowZBF, Brightfield, HighZBF. */
  public static final List<Channel> BRIGHTFIELD_INPUTS = List.of(LOW_Z_BF, BRIGHTFIELD, HIGH_Z_BF);

  /** A user's channel name: a CellProfiler image name (letter, then letters, digits or _). */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final int ordinal;
  private final String constant;
  private final int phenixNumber;
  private final String cpName;
  private final boolean fluorescent;

  private Channel(int ordinal, String constant, int phenixNumber, String cpName, boolean fluorescent) {
    this.ordinal = ordinal;
    this.constant = constant;
    this.phenixNumber = phenixNumber;
    this.cpName = cpName;
    this.fluorescent = fluorescent;
  }

  /** @return the eight CPJUMP1 channels: Mito, AGP, RNA, ER, DNA, HighZBF, LowZBF, Brightfield */
  public static Channel[] values() {
    return CPJUMP1.toArray(new Channel[0]);
  }

  /** @return true for the eight CPJUMP1 channels, false for a user-named one */
  public boolean isStandard() {
    return ordinal < CPJUMP1.size();
  }

  /**
   * @return the index among {@link #values()} (0..7) for a CPJUMP1 channel, 8 for a user-named one
   */
  public int ordinal() {
    return ordinal;
  }

  /** @return the constant's name ("MITO", "HIGH_Z_BF", ...), or the user's name */
  public String name() {
    return constant;
  }

  /** @return the CPJUMP1 Phenix channel number, 1..8, as in {@code ch<N>} of file names; 0 for a user-named one */
  public int phenixNumber() {
    return phenixNumber;
  }

  /** @return the CellProfiler / load_data name: "Mito", "AGP", "RNA", "ER", "DNA", "HighZBF", ..., or the user's */
  public String cpName() {
    return cpName;
  }

  /** @return true for the five CPJUMP1 stained channels, false for brightfield planes and user-named channels */
  public boolean isFluorescent() {
    return fluorescent;
  }

  /**
   * The CPJUMP1 channel with a Phenix number.
   *
   * @param n 1..8
   * @return the channel
   * @throws IllegalArgumentException naming {@code n} when it is out of range
   */
  public static Channel ofPhenix(int n) {
    for (Channel c : CPJUMP1) {
      if (c.phenixNumber == n) {
        return c;
      }
    }
    throw new IllegalArgumentException("No Phenix channel ch" + n + ": expected ch1..ch8");
  }

  /**
   * The CPJUMP1 channel with a CellProfiler name, case-insensitively ("dna", "HighZBF", "OrigDNA" too).
   *
   * @param name the name
   * @return the channel
   * @throws IllegalArgumentException naming the value when no CPJUMP1 channel matches
   */
  public static Channel ofName(String name) {
    Channel c = standard(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "Unknown channel '" + name + "': expected Mito, AGP, RNA, ER, DNA, HighZBF, LowZBF or Brightfield");
    }
    return c;
  }

  /**
   * Any channel by name: a CPJUMP1 one when the name is one of theirs ({@link #ofName}), else a
   * user-named channel (e.g. "Phase1", "DAPI", "MAP2"), as in a LoadData CSV's
   * {@code FileName_<Name>} column. A leading "Orig" is dropped, as CellProfiler's
   * {@code FileName_Orig<Name>} columns carry it.
   *
   * @param name the name: a letter, then letters, digits or underscores
   * @return the channel
   * @throws IllegalArgumentException naming the value when it is not such a name
   */
  public static Channel named(String name) {
    Channel c = standard(name);
    if (c != null) {
      return c;
    }
    String n = name.trim();
    if (n.startsWith("Orig") && n.length() > 4) {
      n = n.substring(4);
    }
    if (!NAME.matcher(n).matches()) {
      throw new IllegalArgumentException("Bad channel name '" + name
          + "': use a CellProfiler image name (a letter, then letters, digits or _), e.g. DNA, Phase1, MAP2");
    }
    return new Channel(CPJUMP1.size(), n, 0, n, false);
  }

  /**
   * Channels from a comma-separated list of names ({@link #named}).
   *
   * @param names e.g. "Phase1,Phase2" or "DAPI, MAP2, NFH"
   * @return the channels in the list's order
   * @throws IllegalArgumentException naming the value when the list is empty, a name is bad or repeated
   */
  public static List<Channel> namedList(String names) {
    List<Channel> out = new java.util.ArrayList<>();
    for (String n : names.split(",")) {
      if (n.isBlank()) {
        continue;
      }
      Channel c = named(n);
      if (out.contains(c)) {
        throw new IllegalArgumentException("Channel " + c.cpName() + " is listed twice in '" + names + "'");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No channel names in '" + names + "': give e.g. DNA or Phase1,Phase2");
    }
    return List.copyOf(out);
  }

  private static Channel standard(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("orig")) {
      n = n.substring(4);
    }
    for (Channel c : CPJUMP1) {
      if (c.cpName.toLowerCase(Locale.ROOT).equals(n) || c.constant.toLowerCase(Locale.ROOT).equals(n)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public int compareTo(Channel o) {
    int c = Integer.compare(ordinal, o.ordinal);
    return c != 0 ? c : cpName.compareTo(o.cpName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Channel c && c.cpName.equals(cpName);
  }

  @Override
  public int hashCode() {
    return cpName.hashCode();
  }

  /** @return the constant's name for CPJUMP1 channels ("DNA", "LOW_Z_BF"), else the user's name */
  @Override
  public String toString() {
    return constant;
  }
}
