package org.brightpaint.data;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The seed paper's six mechanism-of-action classes, defined by {@code moa_list} terms of the
 * JUMP-Target-1 compound annotations (../shared/reference/jump/README.md), plus {@link #NONE} for
 * compounds outside the six-class task.
 *
 * <p>A compound belongs to a group when any of its MoA terms is one of the group's terms; no
 * compound of JUMP-Target-1 falls into two groups (checked when the manifests are built).
 */
public enum MoaGroup {
  /** Kinase inhibitors (21 compounds on the plate map). */
  KINASE("Kinase", List.of("Aurora kinase inhibitor", "Bcr-Abl kinase inhibitor", "CDC inhibitor",
      "DYRK inhibitor", "EGFR inhibitor", "JAK inhibitor", "JNK inhibitor", "p21 activated kinase inhibitor")),
  /** Epigenetic modifiers (5 compounds). */
  EPIGENETIC("Epigenetic", List.of("HDAC inhibitor", "bromodomain inhibitor")),
  /** Growth factor receptor inhibitors (3 compounds). */
  GROWTH_FACTOR_RECEPTOR("GrowthFactorReceptor",
      List.of("IGF-1 inhibitor", "hepatocyte growth factor receptor inhibitor")),
  /** Protease inhibitors (2 compounds). */
  PROTEASE("Protease", List.of("ubiquitin specific protease inhibitor")),
  /** Lipid signalling modifiers (1 compound). */
  LIPID_SIGNALING("LipidSignaling", List.of("phospholipase inhibitor")),
  /** DMSO negative control (64 wells: empty broad_sample). */
  CONTROL("Control", List.of("control vehicle")),
  /** A compound outside the six-class task. */
  NONE("None", List.of());

  /** The six classes of the MoA task, in a fixed order (five compound groups, then Control). */
  public static final List<MoaGroup> TASK =
      List.of(KINASE, EPIGENETIC, GROWTH_FACTOR_RECEPTOR, PROTEASE, LIPID_SIGNALING, CONTROL);

  private final String label;
  private final List<String> terms;

  MoaGroup(String label, List<String> terms) {
    this.label = label;
    this.terms = terms;
  }

  /** @return the manifest label ("Kinase", "Epigenetic", ..., "Control", "None") */
  public String label() {
    return label;
  }

  /** @return the {@code moa_list} terms that define the group (empty for NONE) */
  public List<String> terms() {
    return terms;
  }

  /** @return true for the six classes of the MoA task */
  public boolean inTask() {
    return this != NONE;
  }

  /**
   * The group of a compound from its MoA terms. Only the five compound groups are matched;
   * DMSO is recognised by its empty broad_sample, not by terms.
   *
   * @param moaTerms the compound's {@code moa_list} split on '|'
   * @return the group, or {@link #NONE}
   * @throws IllegalArgumentException when the terms match two groups
   */
  public static MoaGroup ofTerms(Collection<String> moaTerms) {
    MoaGroup found = NONE;
    for (MoaGroup g : List.of(KINASE, EPIGENETIC, GROWTH_FACTOR_RECEPTOR, PROTEASE, LIPID_SIGNALING)) {
      for (String t : moaTerms) {
        if (g.terms.contains(t.trim())) {
          if (found != NONE && found != g) {
            throw new IllegalArgumentException("MoA terms " + moaTerms + " match both " + found.label + " and " + g.label);
          }
          found = g;
        }
      }
    }
    return found;
  }

  /**
   * Parses a label or enum name, case-insensitively.
   *
   * @param name e.g. "Kinase", "GROWTH_FACTOR_RECEPTOR", "LipidSignaling"
   * @return the group
   * @throws IllegalArgumentException naming the value when no group matches
   */
  public static MoaGroup parse(String name) {
    String n = name.trim();
    for (MoaGroup g : values()) {
      if (g.label.equalsIgnoreCase(n) || g.name().equalsIgnoreCase(n)) {
        return g;
      }
    }
    throw new IllegalArgumentException("Unknown MoA group '" + name + "': expected one of "
        + java.util.Arrays.stream(values()).map(MoaGroup::label).toList());
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT).isEmpty() ? name() : label;
  }
}
