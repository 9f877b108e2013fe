package org.brightpaint.data;

/**
 * One imaged field of view: a plate, a well and a field (site) number.
 *
 * @param plate the plate barcode
 * @param well the well
 * @param field the Phenix field number, 1-based ({@code f01..f09} in CPJUMP1)
 */
public record Site(String plate, Well well, int field) implements Comparable<Site> {

  /** Validates. */
  public Site {
    if (plate == null || plate.isBlank()) {
      throw new IllegalArgumentException("Site needs a plate barcode");
    }
    if (well == null) {
      throw new IllegalArgumentException("Site needs a well");
    }
    if (field < 1 || field > 99) {
      throw new IllegalArgumentException("Field " + field + " out of range 1..99");
    }
  }

  /** @return a short id, e.g. "BR00116991/A01/f1" */
  public String id() {
    return plate + "/" + well.name() + "/f" + field;
  }

  @Override
  public int compareTo(Site o) {
    int c = plate.compareTo(o.plate);
    if (c != 0) {
      return c;
    }
    c = well.compareTo(o.well);
    return c != 0 ? c : Integer.compare(field, o.field);
  }

  /**
   * At most {@code max} sites, spread over wells first: the sites of the lowest field number (one
   * per well) are taken before any of the next field, and when a field has more sites than are
   * still wanted they are taken evenly across it (indices {@code floor(k * n / need)}). A capped
   * selection thus spans the plate's wells, and so its perturbations, instead of its first wells.
   *
   * @param sites sites in plate order
   * @param max the cap; 0 or more than the list size keeps every site
   * @return the selection, in the list's order
   */
  public static java.util.List<Site> spread(java.util.List<Site> sites, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("Site cap must be >= 0, got " + max);
    }
    if (max == 0 || max >= sites.size()) {
      return java.util.List.copyOf(sites);
    }
    java.util.Set<Site> chosen = new java.util.HashSet<>();
    java.util.SortedSet<Integer> fields = new java.util.TreeSet<>();
    sites.forEach(s -> fields.add(s.field()));
    for (int f : fields) {
      java.util.List<Site> pool = sites.stream().filter(s -> s.field() == f).toList();
      int need = max - chosen.size();
      for (int k = 0; k < Math.min(need, pool.size()); k++) {
        chosen.add(pool.get(pool.size() <= need ? k : (int) ((long) k * pool.size() / need)));
      }
      if (chosen.size() == max) {
        break;
      }
    }
    return sites.stream().filter(chosen::contains).toList();
  }
}
