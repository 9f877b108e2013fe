package org.brightpaint.data.download;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brightpaint.data.Channel;
import org.brightpaint.data.DataManifests;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.Well;

/**
 * Where a CPJUMP1 plate lives in the bucket and where each object goes locally. Bucket layout
 * (as in {@code data-manifests/s3-prefixes.csv}):
 * <pre>
 * &lt;root&gt;images/&lt;batch&gt;/images/&lt;plate&gt;__&lt;timestamp&gt;/Images/r..c..f..p01-ch&lt;N&gt;sk1fk1fl1.tiff
 * &lt;root&gt;images/&lt;batch&gt;/illum/&lt;plate&gt;/&lt;plate&gt;_Illum&lt;Channel&gt;.npy
 * &lt;root&gt;workspace/load_data_csv/&lt;batch&gt;/&lt;plate&gt;/...
 * </pre>
 * Local layout (as {@link org.brightpaint.data.PlateFolder} reads it):
 * <pre>
 * &lt;dest&gt;/&lt;plate&gt;__&lt;timestamp&gt;/Images/&lt;same file name&gt;
 * &lt;dest&gt;/&lt;plate&gt;__&lt;timestamp&gt;/illum/&lt;plate&gt;_Illum&lt;Channel&gt;.npy
 * &lt;dest&gt;/&lt;plate&gt;__&lt;timestamp&gt;/load_data_csv/&lt;the Gallery's CSVs, unchanged&gt;
 * &lt;dest&gt;/&lt;plate&gt;__&lt;timestamp&gt;/load_data.csv   (written: the images present, relative paths)
 * </pre>
 *
 * @param bucket the bucket name
 * @param root the key prefix of the source, ending in {@code /}
 * @param batch the batch folder name
 */
public record Cpg0000Layout(String bucket, String root, String batch) {

  /** The local folder of the Gallery's load_data CSVs inside a plate folder. */
  public static final String LOAD_DATA_CSV = "load_data_csv";

  /** Validates. */
  public Cpg0000Layout {
    if (bucket == null || bucket.isBlank() || root == null || !(root.isEmpty() || root.endsWith("/"))
        || batch == null || batch.isBlank()) {
      throw new IllegalArgumentException("Bad layout: bucket '" + bucket + "', root '" + root + "', batch '" + batch + "'");
    }
  }

  /**
   * The Cell Painting Gallery's CPJUMP1 batch ({@link DataManifests#S3_ROOT}, {@link DataManifests#BATCH}).
   *
   * @return {@code cellpainting-gallery}, {@code cpg0000-jump-pilot/source_4/}, {@code 2020_11_04_CPJUMP1}
   */
  public static Cpg0000Layout gallery() {
    String s = DataManifests.S3_ROOT.substring("s3://".length());
    int slash = s.indexOf('/');
    return new Cpg0000Layout(s.substring(0, slash), s.substring(slash + 1), DataManifests.BATCH);
  }

  /**
   * @param plate the barcode
   * @return the prefix the plate's image folder names start with ({@code .../images/<plate>__})
   */
  public String imageFolderPrefix(String plate) {
    return root + "images/" + batch + "/images/" + plate + "__";
  }

  /**
   * @param plate the barcode
   * @return the prefix of its illumination functions
   */
  public String illumPrefix(String plate) {
    return root + "images/" + batch + "/illum/" + plate + "/";
  }

  /**
   * @param plate the barcode
   * @return the prefix of its load_data CSVs
   */
  public String loadDataPrefix(String plate) {
    return root + "workspace/load_data_csv/" + batch + "/" + plate + "/";
  }

  /**
   * @param key a key or prefix
   * @return {@code s3://bucket/key}
   */
  public String url(String key) {
    return "s3://" + bucket + "/" + key;
  }

  /**
   * The listing prefixes under a plate's image folder that cover a selection: one per well and
   * site when both are chosen, one per well when only wells are, else the whole Images folder.
   *
   * @param imageFolder the plate's image folder key, ending in {@code /}
   * @param wells chosen wells (empty: all)
   * @param sites chosen sites (empty: all)
   * @return the prefixes
   */
  public static List<String> imagePrefixes(String imageFolder, List<Well> wells, List<Integer> sites) {
    String images = imageFolder + "Images/";
    if (wells.isEmpty()) {
      return List.of(images);
    }
    List<String> out = new ArrayList<>();
    for (Well w : wells.stream().distinct().sorted().toList()) {
      String code = String.format("r%02dc%02d", w.row(), w.column());
      if (sites.isEmpty()) {
        out.add(images + code);
      } else {
        for (int s : sites.stream().distinct().sorted().toList()) {
          out.add(images + code + String.format("f%02d", s));
        }
      }
    }
    return out;
  }

  /**
   * Whether an image file name is selected; names that are not Phenix image names are not.
   *
   * @param fileName e.g. {@code r01c01f01p01-ch1sk1fk1fl1.tiff}
   * @param options the selection
   * @return true when it is an image of a chosen well, site and channel
   */
  public static boolean selects(String fileName, DownloadOptions options) {
    PhenixFileName f;
    try {
      f = PhenixFileName.parse(fileName);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return (options.wells().isEmpty() || options.wells().contains(f.well()))
        && (options.sites().isEmpty() || options.sites().contains(f.field()))
        && (options.channels().isEmpty() || options.channels().contains(f.channel()));
  }

  /**
   * Whether an illumination file is selected: {@code <plate>_Illum<Channel>.npy} of a chosen channel
   * (all files when no channel is chosen; a name that names no channel only then).
   *
   * @param fileName the file name
   * @param plate the barcode
   * @param channels chosen channels (empty: all)
   * @return true when it should be fetched
   */
  public static boolean selectsIllum(String fileName, String plate, List<Channel> channels) {
    if (channels.isEmpty()) {
      return true;
    }
    return illumChannel(fileName, plate).map(channels::contains).orElse(false);
  }

  private static Optional<Channel> illumChannel(String fileName, String plate) {
    String head = plate + "_Illum";
    if (!fileName.startsWith(head) || !fileName.endsWith(".npy")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Channel.ofName(fileName.substring(head.length(), fileName.length() - 4)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The local file of a key: the part after {@code prefix}, under {@code folder}.
   *
   * @param folder the local folder
   * @param prefix the key prefix that maps to the folder
   * @param key the key (starting with prefix)
   * @return the local file
   * @throws DownloadException when the key would leave the folder ({@code ..}) or is a folder
   */
  public static Path local(Path folder, String prefix, String key) {
    String rest = key.substring(prefix.length());
    Path p = folder.resolve(rest).normalize();
    if (rest.isEmpty() || rest.endsWith("/") || !p.startsWith(folder.normalize())) {
      throw new DownloadException("Refusing object key " + key + ": it does not name a file inside " + folder);
    }
    return p;
  }
}
