package org.brightpaint.data;

import java.util.List;

/**
 * What a well was treated with, from the JUMP-Target-1 compound plate map joined with the compound
 * annotations.
 *
 * @param broadSample the Broad sample id ("" for DMSO)
 * @param pertIname the compound name ("DMSO" for the negative control)
 * @param moaTerms the {@code moa_list} terms (["control vehicle"] for DMSO)
 * @param group the MoA group of the six-class task, or {@link MoaGroup#NONE}
 */
public record Perturbation(String broadSample, String pertIname, List<String> moaTerms, MoaGroup group) {

  /** The DMSO negative control. */
  public static final Perturbation DMSO = new Perturbation("", "DMSO", List.of("control vehicle"), MoaGroup.CONTROL);

  /** Validates and copies. */
  public Perturbation {
    if (broadSample == null || pertIname == null || moaTerms == null || group == null) {
      throw new IllegalArgumentException("Perturbation fields must not be null");
    }
    moaTerms = List.copyOf(moaTerms);
  }

  /** @return true for the DMSO negative control */
  public boolean isControl() {
    return group == MoaGroup.CONTROL;
  }

  /** @return the {@code moa_list} as written in the annotations: terms joined with '|' */
  public String moaList() {
    return String.join("|", moaTerms);
  }
}
