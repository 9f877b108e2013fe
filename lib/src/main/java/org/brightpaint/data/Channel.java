package org.brightpaint.data;

import java.util.List;
import java.util.Locale;

/**
 * The eight image channels of a CPJUMP1 (cpg0000) site, with their Opera Phenix channel numbers
 * ({@code ch1..ch8} in file names) and CellProfiler names.
 *
 * <p>The generators map {@link #BRIGHTFIELD_INPUTS} ([3,H,W], in that order) to
 * {@link #FLUORESCENT} ([5,H,W], the paper's order Mito, AGP, RNA, ER, DNA).
 */
public enum Channel {
  /** Mitochondria (MitoTracker), ch1. */
  MITO(1, "Mito", true),
  /** Actin, Golgi and plasma membrane (phalloidin + WGA), ch2. */
  AGP(2, "AGP", true),
  /** Nucleoli and cytoplasmic RNA (SYTO 14), ch3. */
  RNA(3, "RNA", true),
  /** Endoplasmic reticulum (concanavalin A), ch4. */
  ER(4, "ER", true),
  /** Nuclear DNA (Hoechst), ch5. */
  DNA(5, "DNA", true),
  /** Brightfield 5 um above focus, ch6. */
  HIGH_Z_BF(6, "HighZBF", false),
  /** Brightfield 5 um below focus, ch7. */
  LOW_Z_BF(7, "LowZBF", false),
  /** Brightfield in focus, ch8. */
  BRIGHTFIELD(8, "Brightfield", false);

  /** The five fluorescent channels in the paper's output order: Mito, AGP, RNA, ER, DNA. */
  public static final List<Channel> FLUORESCENT = List.of(MITO, AGP, RNA, ER, DNA);

  /** The three brightfield planes in the generators' input order: LowZBF, Brightfield, HighZBF. */
  public static final List<Channel> BRIGHTFIELD_INPUTS = List.of(LOW_Z_BF, BRIGHTFIELD, HIGH_Z_BF);

  private final int phenixNumber;
  private final String cpName;
  private final boolean fluorescent;

  Channel(int phenixNumber, String cpName, boolean fluorescent) {
    this.phenixNumber = phenixNumber;
    this.cpName = cpName;
    this.fluorescent = fluorescent;
  }

  /** @return the Phenix channel number, 1..8, as in {@code ch<N>} of file names */
  public int phenixNumber() {
    return phenixNumber;
  }

  /** @return the CellProfiler / load_data name: "Mito", "AGP", "RNA", "ER", "DNA", "HighZBF", ... */
  public String cpName() {
    return cpName;
  }

  /** @return true for the five stained channels, false for the brightfield planes */
  public boolean isFluorescent() {
    return fluorescent;
  }

  /**
   * The channel with a Phenix number.
   *
   * @param n 1..8
   * @return the channel
   * @throws IllegalArgumentException naming {@code n} when it is out of range
   */
  public static Channel ofPhenix(int n) {
    for (Channel c : values()) {
      if (c.phenixNumber == n) {
        return c;
      }
    }
    throw new IllegalArgumentException("No Phenix channel ch" + n + ": expected ch1..ch8");
  }

  /**
   * The channel with a CellProfiler name, case-insensitively ("dna", "HighZBF", "OrigDNA" too).
   *
   * @param name the name
   * @return the channel
   * @throws IllegalArgumentException naming the value when no channel matches
   */
  public static Channel ofName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.startsWith("orig")) {
      n = n.substring(4);
    }
    for (Channel c : values()) {
      if (c.cpName.toLowerCase(Locale.ROOT).equals(n) || c.name().toLowerCase(Locale.ROOT).equals(n)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "Unknown channel '" + name + "': expected Mito, AGP, RNA, ER, DNA, HighZBF, LowZBF or Brightfield");
  }
}
