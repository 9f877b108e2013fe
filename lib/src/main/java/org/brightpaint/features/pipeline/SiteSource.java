package org.brightpaint.features.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brightpaint.data.io.ImageReader;
import org.brightpaint.image.FloatImage;

/**
 * A site that is not loaded yet: its image files and metadata. Plates are streamed as lists of
 * these, so only the sites being processed are in memory.
 *
 * @param imageNumber CellProfiler's ImageNumber (1-based)
 * @param metadata metadata without the {@code Metadata_} prefix
 * @param files image name to file
 */
public record SiteSource(int imageNumber, Map<String, String> metadata, Map<String, Path> files) {

  /** Copies the maps. */
  public SiteSource {
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata)); // keeps column order
    files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /**
   * Reads the images a pipeline needs.
   *
   * @param settings the pipeline (image names)
   * @return the loaded site
   * @throws IOException naming a missing channel or an unreadable file
   */
  public SiteImages load(ProfileSettings settings) throws IOException {
    Map<String, FloatImage> images = new LinkedHashMap<>();
    for (String name : settings.requiredImages()) {
      Path p = files.get(name);
      if (p == null) {
        throw new IOException("Image set " + imageNumber + " " + metadata + " has no file for channel '" + name
            + "'; it has " + files.keySet());
      }
      images.put(name, ImageReader.read(p).scaled());
    }
    return new SiteImages(imageNumber, metadata, images);
  }

  /** @return "Plate/Well/Site" style key for messages and file names */
  public String key() {
    return String.join("_", metadata.getOrDefault("Plate", "plate"), metadata.getOrDefault("Well", "well"),
        "s" + metadata.getOrDefault("Site", Integer.toString(imageNumber)));
  }
}
