package org.brightpaint.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactsFeaturedTest {

  @Test
  void notebookShowsOneGalleryPerModelNotAll() {
    List<String> captions = new ArrayList<>();
    for (String model : List.of("baseline-mean", "unet", "spade-diffusion")) {
      for (String kind : List.of("blur", "collapsed_structure", "intensity_shift", "background_noise")) {
        captions.add(model + " " + kind);
      }
    }
    List<BufferedImage> images = Collections.nCopies(captions.size(), new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY));
    var a = new BenchmarkViews.Artifacts(null, images, captions);
    assertEquals(List.of(0, 4, 8), a.featured());
    assertEquals(List.of("baseline-mean blur", "unet blur", "spade-diffusion blur"),
        a.featured().stream().map(captions::get).toList());
  }
}
