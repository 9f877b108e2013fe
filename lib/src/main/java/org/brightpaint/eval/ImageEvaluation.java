package org.brightpaint.eval;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brightpaint.data.Channel;
import org.brightpaint.image.FloatImage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Image-level evaluation of several models' prediction folders against one real folder in one
 * pass over the images: the quality table (one row per model, site and channel, see
 * {@link QualityReport}) and the artifact table ({@link ArtifactMeasures} per model, site and
 * channel), plus a gallery of the worst cases per model and artifact type ({@link Gallery}).
 *
 * @param quality columns model, plate, well, site, channel, mse, psnr, ssim, pearson
 * @param artifacts columns model, plate, well, site, channel, blur_ratio, structure_ratio,
 *     foreground_shift, background_offset, background_noise_real, background_noise_pred
 * @param galleries "model kind" to montage of the worst cases
 * @param coverage model to coverage of its folder against the real folder
 */
public record ImageEvaluation(Table quality, Table artifacts, Map<String, BufferedImage> galleries,
    Map<String, QualityReport.Coverage> coverage) {

  /**
   * @param real the real images' folder
   * @param predictions model name to its prediction folder
   * @param options quality options (data range, partial coverage, channels)
   * @param worstPerGallery rows per gallery (0 for none)
   * @return the evaluation
   */
  public static ImageEvaluation of(Path real, Map<String, Path> predictions, QualityReport.Options options, int worstPerGallery) {
    var realFiles = QualityFolders.scan(real);
    Table quality = null;
    Table art = artifactTable();
    Map<String, QualityReport.Coverage> cov = new LinkedHashMap<>();
    Map<String, BufferedImage> galleries = new LinkedHashMap<>();
    for (var e : predictions.entrySet()) {
      String model = e.getKey();
      QualityReport q = QualityReport.compare(real, e.getValue(), options);
      cov.put(model, q.coverage());
      Table qt = q.table().copy();
      qt.insertColumn(0, StringColumn.create("model", qt.rowCount()).set(qt.stringColumn("well").isNotMissing(), model));
      quality = quality == null ? qt : quality.append(qt);
      var predFiles = QualityFolders.scan(e.getValue());
      List<ArtifactMeasures> measures = new ArrayList<>();
      List<Path[]> files = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < q.table().rowCount(); i++) {
        QualityFolders.Site s = new QualityFolders.Site(q.table().stringColumn("plate").get(i), q.table().stringColumn("well").get(i),
            q.table().intColumn("site").get(i));
        Channel c = Channel.ofName(q.table().stringColumn("channel").get(i));
        Path rf = realFiles.get(s).get(c), pf = predFiles.get(s).get(c);
        FloatImage a = QualityFolders.read(rf), b = QualityFolders.read(pf);
        ArtifactMeasures m = Artifacts.measure(a, b);
        measures.add(m);
        files.add(new Path[] {rf, pf});
        labels.add(model + " " + c.cpName() + " " + s);
        appendArtifact(art, model, s, c, m);
      }
      if (worstPerGallery > 0) {
        for (ArtifactKind kind : ArtifactKind.values()) {
          List<Gallery.Item> items = new ArrayList<>();
          for (int i : Gallery.worst(measures, kind, worstPerGallery)) {
            items.add(new Gallery.Item(labels.get(i) + " " + kind.name().toLowerCase() + " severity "
                + String.format("%.3f", kind.severity(measures.get(i))), QualityFolders.read(files.get(i)[0]), QualityFolders.read(files.get(i)[1])));
          }
          if (!items.isEmpty()) galleries.put(model + " " + kind.name().toLowerCase(), Gallery.montage(items));
        }
      }
    }
    if (quality == null) throw new IllegalArgumentException("No prediction folders given");
    return new ImageEvaluation(quality, art, galleries, cov);
  }

  private static Table artifactTable() {
    return Table.create("artifacts", StringColumn.create("model"), StringColumn.create("plate"), StringColumn.create("well"),
        IntColumn.create("site"), StringColumn.create("channel"), DoubleColumn.create("blur_ratio"),
        DoubleColumn.create("structure_ratio"), DoubleColumn.create("foreground_shift"), DoubleColumn.create("background_offset"),
        DoubleColumn.create("background_noise_real"), DoubleColumn.create("background_noise_pred"));
  }

  private static void appendArtifact(Table t, String model, QualityFolders.Site s, Channel c, ArtifactMeasures m) {
    t.stringColumn("model").append(model);
    t.stringColumn("plate").append(s.plate());
    t.stringColumn("well").append(s.well());
    t.intColumn("site").append(s.site());
    t.stringColumn("channel").append(c.cpName());
    t.doubleColumn("blur_ratio").append(m.blurRatio());
    t.doubleColumn("structure_ratio").append(m.structureRatio());
    t.doubleColumn("foreground_shift").append(m.foregroundShift());
    t.doubleColumn("background_offset").append(m.backgroundOffset());
    t.doubleColumn("background_noise_real").append(m.backgroundNoiseReal());
    t.doubleColumn("background_noise_pred").append(m.backgroundNoisePred());
  }
}
