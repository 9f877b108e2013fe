package org.brightpaint.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which sites train, validate and test a generator. Two ways, decided by the data:
 * <ul>
 *   <li><b>by plate</b>, when the plates' {@code plate.csv} (or the benchmark manifest) name at
 *       least one validation and one test plate: each plate's split is used whole (the seed
 *       paper's Table 1);
 *   <li><b>seeded hold-out by well</b> otherwise (a user's own plate with no {@code plate.csv}):
 *       the wells of the training plates (those marked {@code train} or unmarked) are shuffled with
 *       the seed and {@code max(1, round(n / 5))} wells go to validation, as many to test, the
 *       rest to training. Sites of one well never straddle splits.
 * </ul>
 *
 * @param description one line saying how the wells were split (printed by {@code train})
 * @param byPlate the split of each plate barcode, when splitting by plate; empty otherwise
 * @param byWell the split of each well, when holding out by well; empty otherwise
 * @param heldOutPlates the barcodes whose wells {@code byWell} splits
 */
public record Splits(String description, Map<String, Split> byPlate, Map<Well, Split> byWell,
    List<String> heldOutPlates) {

  /** Fraction of wells held out for validation, and again for test, in a hold-out by well. */
  public static final double HELD_OUT_FRACTION = 0.2;

  /** Copies. */
  public Splits {
    byPlate = Map.copyOf(byPlate);
    byWell = Map.copyOf(byWell);
    heldOutPlates = List.copyOf(heldOutPlates);
  }

  /**
   * The split of one well of one plate.
   *
   * @param plate the plate
   * @param well the well
   * @return its split, or empty when the site takes part in none
   */
  public Optional<Split> of(PlateFolder plate, Well well) {
    if (heldOutPlates.contains(plate.barcode())) {
      return Optional.ofNullable(byWell.get(well));
    }
    return Optional.ofNullable(byPlate.get(plate.barcode()));
  }

  /** @return true when the wells were held out by a seeded draw rather than taken from plate.csv */
  public boolean heldOutByWell() {
    return !heldOutPlates.isEmpty();
  }

  /**
   * Splits the plates of a cell line (or all plates).
   *
   * @param plates the plates
   * @param cellLine one cell line, or null for all
   * @param seed the seed of a hold-out by well
   * @return the splits
   * @throws IllegalArgumentException naming the folder when there are no training plates, or
   *     fewer than 3 wells to hold out from
   */
  public static Splits of(PlateSet plates, CellLine cellLine, long seed) {
    List<PlateFolder> chosen = plates.plates().stream()
        .filter(p -> cellLine == null || p.cellLine().orElse(null) == cellLine).toList();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("No plates of cell line " + cellLine + " in " + plates.root()
          + ": give the cell line in each plate's plate.csv (cell_line column) or drop --cell-line");
    }
    Map<String, Split> byPlate = new TreeMap<>();
    for (PlateFolder p : chosen) {
      p.split().ifPresent(s -> byPlate.put(p.barcode(), s));
    }
    if (byPlate.containsValue(Split.VALIDATE) && byPlate.containsValue(Split.TEST)
        && byPlate.containsValue(Split.TRAIN)) {
      return new Splits("Splits from plate.csv: train " + barcodes(byPlate, Split.TRAIN) + ", validate "
          + barcodes(byPlate, Split.VALIDATE) + ", test " + barcodes(byPlate, Split.TEST), byPlate, Map.of(), List.of());
    }
    List<String> pool = chosen.stream().filter(p -> p.split().orElse(Split.TRAIN) == Split.TRAIN)
        .map(PlateFolder::barcode).toList();
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("No training plates in " + plates.root()
          + ": mark at least one plate split=train in its plate.csv, or remove the split column");
    }
    TreeSet<Well> wellSet = new TreeSet<>();
    for (PlateFolder p : chosen) {
      if (pool.contains(p.barcode())) {
        p.sites().forEach(s -> wellSet.add(s.well()));
      }
    }
    List<Well> wells = new ArrayList<>(wellSet);
    int n = wells.size();
    if (n < 3) {
      throw new IllegalArgumentException("Cannot hold out wells for validation and test: " + plates.root() + " has "
          + n + " well(s) and no validate/test plates; give at least 3 wells, or plates with split=validate and "
          + "split=test in their plate.csv");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Well t = wells.get(i);
      wells.set(i, wells.get(j));
      wells.set(j, t);
    }
    int k = Math.max(1, (int) Math.round(n * HELD_OUT_FRACTION));
    Map<Well, Split> byWell = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byWell.put(wells.get(i), i < k ? Split.VALIDATE : i < 2 * k ? Split.TEST : Split.TRAIN);
    }
    String d = "Splits: no validate and test plates in plate.csv, so a seeded hold-out by well (seed " + seed
        + ", plates " + pool + "): train " + (n - 2 * k) + " wells, validate " + wellsOf(byWell, Split.VALIDATE)
        + ", test " + wellsOf(byWell, Split.TEST);
    return new Splits(d, Map.of(), byWell, pool);
  }

  private static List<String> barcodes(Map<String, Split> byPlate, Split s) {
    return byPlate.entrySet().stream().filter(e -> e.getValue() == s).map(Map.Entry::getKey).toList();
  }

  private static List<String> wellsOf(Map<Well, Split> byWell, Split s) {
    return byWell.entrySet().stream().filter(e -> e.getValue() == s).map(e -> e.getKey().name()).toList();
  }
}
