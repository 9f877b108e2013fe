package org.brightpaint.features.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.brightpaint.features.segment.SegmentationMatch;
import org.brightpaint.image.FloatImage;
import org.brightpaint.image.LabelImage;

/**
 * The walk-through behind notebook 08's real-image section: profile one real nuclei image of the
 * shared fixtures ({@code shared/fixtures/real-nuclei}, found as {@code shared/} beside the
 * repository, as CI lays it out) with the {@code nuclei} preset, draw the outlines and score them
 * against the image's hand-drawn labels (F1 at IoU 0.5, border objects removed on both sides).
 */
public final class NucleiProfiling {

  private NucleiProfiling() {}

  /**
   * What the walk-through produced.
   *
   * @param image the image file
   * @param profile the site profile (nuclei labels and features)
   * @param overlay the DNA image with nucleus outlines
   * @param score agreement with the hand-drawn labels
   */
  public record Result(Path image, SiteProfile profile, BufferedImage overlay, SegmentationMatch.Score score) {}

  /**
   * The real-nuclei fixture folder: {@code shared/fixtures/real-nuclei} in the working directory or
   * the nearest of its parents that has one (a clean clone with {@code shared/} as a sibling finds
   * it from the repository root and from {@code notebooks/}).
   *
   * @return the folder
   * @throws IllegalStateException naming where it looked when there is none
   */
  public static Path realNucleiFixtures() {
    Path start = Path.of("").toAbsolutePath();
    for (Path d = start; d != null; d = d.getParent()) {
      Path f = d.resolve("shared").resolve("fixtures").resolve("real-nuclei");
      if (Files.isDirectory(f)) {
        return f;
      }
    }
    throw new IllegalStateException("No shared/fixtures/real-nuclei in " + start + " or its parents: put shared/ beside the repository");
  }

  /**
   * Profiles one fixture image with the {@code nuclei} preset.
   *
   * @param name a fixture name, e.g. "bbbc039-h07-s2" ({@code <name>.tif} and {@code <name>-labels.tif})
   * @return the result
   */
  public static Result run(String name) {
    Path dir = realNucleiFixtures();
    Path file = dir.resolve(name + ".tif");
    try {
      ProfileSettings settings = ProfileSettings.nucleiOnly();
      FloatImage dna = readScaled(file);
      SiteImages site = new SiteImages(1, Map.of("Image", name), Map.of("DNA", dna));
      SiteProfile profile = SiteProfiler.profile(site, settings);
      LabelImage nuclei = profile.labels().get(Compartment.NUCLEI);
      LabelImage t = readLabels(dir.resolve(name + "-labels.tif"));
      int[] truth = t.labels().clone();
      org.brightpaint.features.ops.Labels.clearBorder(truth, t.width(), t.height());
      SegmentationMatch.Score score = SegmentationMatch.score(nuclei, LabelImage.of(t.width(), t.height(), truth), 0.5);
      return new Result(file, profile, OutlineOverlay.of(dna, nuclei, null), score);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a single-channel TIFF scaled by its bit depth, as CellProfiler does: value / 255 for an
   * 8-bit file, value / 65535 for a 16-bit one.
   *
   * @param file the TIFF
   * @return the image, values 0..1
   * @throws IOException naming the file when it cannot be read
   */
  public static FloatImage readScaled(Path file) throws IOException {
    return org.brightpaint.data.io.ImageReader.read(file).scaled();
  }

  /**
   * Reads an instance-label TIFF (0 background, 1..N objects; ids need not be contiguous).
   *
   * @param file the TIFF
   * @return the labels
   * @throws IOException naming the file when it cannot be read
   */
  public static LabelImage readLabels(Path file) throws IOException {
    FloatImage f = org.brightpaint.data.io.ImageReader.read(file).pixels();
    int[] l = new int[f.pixels().length];
    for (int i = 0; i < l.length; i++) {
      l[i] = Math.round(f.pixels()[i]);
    }
    return LabelImage.of(f.width(), f.height(), l);
  }

}
