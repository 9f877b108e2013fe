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

  @Test
  void helpListsEveryPresetWithOneLine() {
    String help = new picocli.CommandLine(new Brightpaint()).getSubcommands().get("profile").getUsageMessage();
    for (org.brightpaint.features.pipeline.ProfileSettings.Preset p : org.brightpaint.features.pipeline.ProfileSettings.Preset.values()) {
      assertTrue(help.lines().anyMatch(l -> l.contains(p.cliName() + " ") && l.contains(p.description())),
          p.cliName() + " missing from:\n" + help);
    }
  }

  @Test
  void unknownOrBadSegmentationSettingIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path dna = copy("AS_09125_050116030001_D03f00d0.tif", dir);
    for (String[] bad : new String[][] {{"nuclei.maxima-supresion=8", "nuclei.maxima-supresion"},
        {"nuclei.maxima-suppression=eight", "'eight'"}, {"cells.regularization=0.1", "nuclei only"}}) {
      java.io.PrintStream old = System.err;
      java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
      System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      int rc;
      try {
        rc = Brightpaint.run("profile", "--preset", "nuclei", "--image", "DNA=" + dna, "--out",
            dir.resolve("out").toString(), "--set", bad[0]);
      } finally {
        System.setErr(old);
      }
      String err = buf.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
      assertEquals(2, rc, err);
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.contains(bad[1]), err);
    }
  }

  @Test
  void nucleiPresetNeedsOnlyADnaImageAndAcceptsASettingsFile(@TempDir Path dir) throws Exception {
    Path dna = copy("AS_09125_050116030001_D03f00d0.tif", dir);
    Path out = dir.resolve("out");
    assertEquals(0, Brightpaint.run("profile", "--preset", "nuclei", "--image", "DNA=" + dna, "--out", out.toString(),
        "--threads", "1"));
    assertTrue(Files.exists(out.resolve("Nuclei.csv")));
    assertTrue(!Files.exists(out.resolve("Cells.csv")));
    long kept = Files.readAllLines(out.resolve("Nuclei.csv")).size();
    Path file = dir.resolve("seg.txt");
    Files.writeString(file, "# keep nuclei cut by the border\nnuclei.discard-border = no\n");
    Path out2 = dir.resolve("out2");
    assertEquals(0, Brightpaint.run("profile", "--preset", "nuclei", "--image", "DNA=" + dna, "--out", out2.toString(),
        "--threads", "1", "--settings", file.toString()));
    assertTrue(Files.readAllLines(out2.resolve("Nuclei.csv")).size() > kept);
  }

  @Test
  void missingSettingsFileIsOneLineAndExitOne(@TempDir Path dir) throws Exception {
    Path dna = copy("AS_09125_050116030001_D03f00d0.tif", dir);
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    int rc;
    try {
      rc = Brightpaint.run("profile", "--preset", "nuclei", "--image", "DNA=" + dna, "--out",
          dir.resolve("out").toString(), "--settings", dir.resolve("nope.txt").toString());
    } finally {
      System.setErr(old);
    }
    String err = buf.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    assertEquals(1, rc, err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("nope.txt"), err);
    assertTrue(!Files.exists(dir.resolve("out")), "no output on error");
  }
}
