package org.brightpaint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

  private static Path copy(String name, Path dir) throws Exception {
    Path p = dir.resolve(name);
    try (InputStream in = ProfileCommandTest.class.getResourceAsStream("/fixtures/example-human/" + name)) {
      Files.copy(in, p);
    }
    return p;
  }

  @Test
  void profilesExampleHumanImagesFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path dna = copy("AS_09125_050116030001_D03f00d0.tif", dir);
    Path ph3 = copy("AS_09125_050116030001_D03f00d1.tif", dir);
    Path body = copy("AS_09125_050116030001_D03f00d2.tif", dir);
    Path out = dir.resolve("out");
    int rc = Brightpaint.run("profile", "--preset", "examplehuman", "--image", "DNA=" + dna,
        "--image", "PH3=" + ph3, "--image", "cellbody=" + body, "--out", out.toString(), "--save-labels",
        "--threads", "1");
    assertEquals(0, rc);
    List<String> nuclei = Files.readAllLines(out.resolve("Nuclei.csv"));
    assertEquals(290, nuclei.size());
    assertTrue(Files.exists(out.resolve("Cytoplasm.csv")));
    assertTrue(Files.exists(out.resolve("labels").resolve("plate_well_s1_Nuclei.png")));
  }

  @Test
  void anIllumDirWithoutTheFunctionsIsAnErrorNamingThem(@TempDir Path dir) throws Exception {
    org.brightpaint.data.synthetic.SyntheticOptions ci = org.brightpaint.data.synthetic.SyntheticOptions.ci();
    org.brightpaint.data.synthetic.SyntheticOptions small = ci.withPlates(List.of(ci.plates().get(0)))
        .withWells(ci.wells().subList(0, 1)).withSites(1);
    org.brightpaint.data.PlateSet plates = org.brightpaint.data.synthetic.SyntheticPlates.ensure(dir.resolve("plates"), small);
    Path csv = plates.plates().get(0).dir().resolve("load_data.csv");
    Path empty = Files.createDirectories(dir.resolve("no-illum"));
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc;
    try {
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      rc = Brightpaint.run("profile", "--load-data", csv.toString(), "--illum-dir", empty.toString(), "--out", dir.resolve("out").toString());
    } finally {
      System.setErr(before);
    }
    assertEquals(1, rc);
    String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(message.contains("_IllumDNA.npy") && message.contains("--illum-dir"), message);
    assertTrue(!Files.exists(dir.resolve("out").resolve("Cells.csv")), "no partial output");
  }

  @Test
  void profilesASyntheticPlateFromItsLoadData(@TempDir Path dir) throws Exception {
    org.brightpaint.data.synthetic.SyntheticOptions ci = org.brightpaint.data.synthetic.SyntheticOptions.ci();
    org.brightpaint.data.synthetic.SyntheticOptions small = ci.withPlates(List.of(ci.plates().get(0)))
        .withWells(ci.wells().subList(0, 2)).withSites(1);
    org.brightpaint.data.PlateSet plates = org.brightpaint.data.synthetic.SyntheticPlates.ensure(dir.resolve("plates"), small);
    Path csv = plates.plates().get(0).dir().resolve("load_data.csv");
    Path out = dir.resolve("out");
    assertEquals(0, Brightpaint.run("profile", "--load-data", csv.toString(), "--out", out.toString(), "--gzip"));
    assertTrue(Files.exists(out.resolve("Cells.csv.gz")));
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(out.resolve("Wells.csv.gz")))) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(3, text.split("\n").length, "header + 2 wells");
      assertTrue(text.startsWith("Metadata_Plate,Metadata_Well,Nuclei_"));
    }
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc;
    try {
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      rc = Brightpaint.run("profile", "--preset", "examplehuman", "--image", "DNA=" + dir.resolve("nope.tif"),
          "--out", dir.resolve("out").toString());
    } finally {
      System.setErr(before);
    }
    assertNotEquals(0, rc);
    String message = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(message.contains("nope.tif"), "the message names the missing file: " + message);
  }
}
