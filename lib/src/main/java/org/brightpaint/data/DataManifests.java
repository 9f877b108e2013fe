package org.brightpaint.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.io.Csv;

/**
 * Builds the committed {@code data-manifests/} tables from the public CPJUMP1 metadata
 * (../shared/reference/jump) and reads the copies embedded in the library.
 *
 * <p>Tables: {@value #PLATES} (the eight plates: barcode, cell line, split, image count, S3
 * prefix), {@value #PLATEMAP} (384 wells: well, broad_sample, pert_iname, moa_list, moa_group),
 * {@value #SPLITS} (the generalisability study: train on one cell line, test on the other) and
 * {@value #S3} (where images, illumination functions and load_data live in the Cell Painting
 * Gallery). Regenerate with
 * {@code java -cp ... org.brightpaint.data.DataManifests ../shared/reference/jump data-manifests lib/src/main/resources/org/brightpaint/data/manifests}
 * (see {@code environment/build-manifests}).
 */
public final class DataManifests {

  /** The plates table. */
  public static final String PLATES = "plates.csv";
  /** The joined plate map. */
  public static final String PLATEMAP = "platemap.csv";
  /** The generalisability splits. */
  public static final String SPLITS = "generalisability-splits.csv";
  /** The S3 prefixes. */
  public static final String S3 = "s3-prefixes.csv";
  /** All tables, in writing order. */
  public static final List<String> ALL = List.of(PLATES, PLATEMAP, SPLITS, S3);

  /** The bucket root of the CPJUMP1 batch. */
  public static final String S3_ROOT = "s3://cellpainting-gallery/cpg0000-jump-pilot/source_4/";
  /** The batch name. */
  public static final String BATCH = "2020_11_04_CPJUMP1";

  private DataManifests() {}

  /**
   * Reads a table embedded in the library (a copy of {@code data-manifests/<name>}).
   *
   * @param name one of {@link #ALL}
   * @return the table
   */
  public static Csv embedded(String name) {
    return PlateMap.readResource("/org/brightpaint/data/manifests/" + name);
  }

  /**
   * Builds all tables from the reference folder.
   *
   * @param referenceDir the folder holding barcode_platemap.csv,
   *     JUMP-Target-1_compound_platemap.txt and
   *     JUMP-Target-1_compound_metadata_additional_annotations.tsv
   * @return table name to table, in {@link #ALL} order
   * @throws IllegalArgumentException naming the file and value when the metadata is inconsistent
   *     (a plate-map compound without annotation, a benchmark plate not on the compound map, a
   *     compound in two groups)
   */
  public static Map<String, Csv> build(Path referenceDir) {
    Map<String, Csv> out = new LinkedHashMap<>();
    List<Plate> plates = benchmarkPlates(referenceDir);
    out.put(PLATES, Plates.toCsv(plates));
    out.put(PLATEMAP, joinPlateMap(referenceDir).toCsv());
    out.put(SPLITS, splits(plates));
    out.put(S3, s3(plates));
    return out;
  }

  /**
   * Writes the built tables into each output folder.
   *
   * @param referenceDir the reference folder
   * @param outDirs folders to write (e.g. data-manifests and the library's resource folder)
   */
  public static void write(Path referenceDir, Path... outDirs) {
    Map<String, Csv> tables = build(referenceDir);
    for (Path dir : outDirs) {
      tables.forEach((name, csv) -> csv.write(dir.resolve(name)));
    }
  }

  /**
   * Regenerates the manifests: {@code DataManifests REFERENCE_DIR OUT_DIR...}.
   *
   * @param args the reference folder, then one or more output folders
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: DataManifests REFERENCE_DIR OUT_DIR...");
      System.exit(2);
    }
    Path[] outs = Arrays.stream(args).skip(1).map(Path::of).toArray(Path[]::new);
    write(Path.of(args[0]), outs);
    System.out.println("wrote " + ALL + " to " + Arrays.toString(outs));
  }

  /** The seed paper's Table 1: barcode, cell line, split, images. */
  private static final String[][] TABLE_1 = {
    {"BR00116991", "A549", "train", "27648"},
    {"BR00116992", "A549", "train", "27640"},
    {"BR00116993", "A549", "validate", "27352"},
    {"BR00116994", "A549", "test", "27576"},
    {"BR00116995", "U2OS", "train", "27648"},
    {"BR00117024", "U2OS", "train", "27648"},
    {"BR00117025", "U2OS", "validate", "27648"},
    {"BR00117026", "U2OS", "test", "27648"},
  };

  /**
   * The S3 key prefix of a plate's image folder (the folder name continues with a timestamp).
   *
   * @param barcode the plate
   * @return e.g. {@code s3://.../images/2020_11_04_CPJUMP1/images/BR00116991__}
   */
  public static String imagesPrefix(String barcode) {
    return S3_ROOT + "images/" + BATCH + "/images/" + barcode + "__";
  }

  private static List<Plate> benchmarkPlates(Path ref) {
    Path f = ref.resolve("barcode_platemap.csv");
    Csv bp = Csv.read(f);
    Map<String, String> map = new HashMap<>();
    for (var r : bp.records()) {
      map.put(r.get("Assay_Plate_Barcode").trim(), r.get("Plate_Map_Name").trim());
    }
    List<Plate> plates = new ArrayList<>();
    for (String[] t : TABLE_1) {
      String pm = map.get(t[0]);
      if (!PlateMap.JUMP_TARGET_1.equals(pm)) {
        throw new IllegalArgumentException(f + ": plate " + t[0] + " maps to '" + pm + "', expected " + PlateMap.JUMP_TARGET_1);
      }
      plates.add(new Plate(t[0], CellLine.parse(t[1]), Split.parse(t[2]), Integer.parseInt(t[3]), imagesPrefix(t[0])));
    }
    return plates;
  }

  /**
   * Joins the compound plate map with the compound annotations and the MoA groups.
   *
   * @param ref the reference folder
   * @return the plate map, 384 wells
   */
  public static PlateMap joinPlateMap(Path ref) {
    Path mapFile = ref.resolve("JUMP-Target-1_compound_platemap.txt");
    Path metaFile = ref.resolve("JUMP-Target-1_compound_metadata_additional_annotations.tsv");
    Map<String, Map<String, String>> meta = new HashMap<>();
    for (var r : Csv.read(metaFile, '\t').records()) {
      meta.put(r.get("broad_sample").trim(), r);
    }
    Map<Well, Perturbation> wells = new LinkedHashMap<>();
    Csv map = Csv.read(mapFile, '\t');
    for (var r : map.records()) {
      Well well = Well.parse(r.get("well_position"));
      String b = r.get("broad_sample").trim();
      Perturbation p;
      if (b.isEmpty()) {
        p = Perturbation.DMSO;
      } else {
        Map<String, String> m = meta.get(b);
        if (m == null) {
          throw new IllegalArgumentException(mapFile + ": well " + well + " holds compound " + b + " which " + metaFile + " does not annotate");
        }
        List<String> terms = m.get("moa_list").isBlank() ? List.of() : Arrays.asList(m.get("moa_list").split("\\|"));
        MoaGroup g;
        try {
          g = MoaGroup.ofTerms(terms);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(metaFile + ": compound " + b + ": " + e.getMessage(), e);
        }
        p = new Perturbation(b, m.get("pert_iname"), terms, g);
      }
      if (wells.put(well, p) != null) {
        throw new IllegalArgumentException(mapFile + ": well " + well + " listed twice");
      }
    }
    if (wells.size() != Well.ROWS * Well.COLUMNS) {
      throw new IllegalArgumentException(mapFile + ": " + wells.size() + " wells, expected 384");
    }
    return new PlateMap(PlateMap.JUMP_TARGET_1, wells);
  }

  private static Csv splits(List<Plate> plates) {
    List<List<String>> rows = new ArrayList<>();
    for (CellLine train : CellLine.values()) {
      String study = train.name() + "_to_" + train.other().name();
      for (Plate p : plates) {
        String role;
        if (p.cellLine() == train) {
          role = switch (p.split()) {
            case TRAIN -> "train";
            case VALIDATE -> "validate";
            case TEST -> "test_same_line";
          };
        } else {
          if (p.split() != Split.TEST) {
            continue;
          }
          role = "test_other_line";
        }
        rows.add(List.of(study, train.name(), p.barcode(), p.cellLine().name(), role));
      }
    }
    return new Csv(List.of("study", "train_cell_line", "barcode", "cell_line", "role"), rows);
  }

  private static Csv s3(List<Plate> plates) {
    List<List<String>> rows = new ArrayList<>();
    for (Plate p : plates) {
      rows.add(List.of(p.barcode(), imagesPrefix(p.barcode()),
          S3_ROOT + "images/" + BATCH + "/illum/" + p.barcode() + "/",
          S3_ROOT + "workspace/load_data_csv/" + BATCH + "/" + p.barcode() + "/"));
    }
    return new Csv(List.of("barcode", "images", "illum", "load_data"), rows);
  }
}
