package org.brightpaint.data.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.brightpaint.cli.Brightpaint;
import org.brightpaint.data.Channel;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Site;
import org.brightpaint.data.Well;
import org.brightpaint.data.io.Npy;
import org.brightpaint.data.io.Tiff16;
import org.brightpaint.image.FloatImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads a small fake cpg0000 layout from a real S3 server (S3Proxy) started by the test, through
 * the library and the command line.
 */
class Cpg0000DownloadTest {

  private static final Cpg0000Layout LAYOUT = Cpg0000Layout.gallery();
  private static final String PLATE = "BR00116991";
  private static final String FOLDER = LAYOUT.imageFolderPrefix(PLATE) + "2020-11-05T19_51_35-Measurement1/";
  private static final List<Well> WELLS = List.of(Well.parse("A01"), Well.parse("A02"), Well.parse("B01"));
  private static GalleryServer server;
  /** Key to uploaded bytes. */
  private static final Map<String, byte[]> UPLOADED = new LinkedHashMap<>();

  @TempDir Path dest;

  @BeforeAll
  static void upload(@TempDir Path scratch) throws Exception {
    server = GalleryServer.start(LAYOUT.bucket());
    int k = 0;
    for (Well w : WELLS) {
      for (int site = 1; site <= 2; site++) {
        for (Channel c : Channel.values()) {
          short[] px = new short[16];
          for (int i = 0; i < px.length; i++) {
            px[i] = (short) (100 * c.phenixNumber() + 10 * site + i + k);
          }
          k++;
          put(FOLDER + "Images/" + PhenixFileName.of(w, site, c).fileName(), Tiff16.encode(4, 4, px));
        }
      }
    }
    put(FOLDER + "Images/Index.idx.xml", "<EvaluationInputData/>".getBytes(StandardCharsets.UTF_8));
    for (Channel c : Channel.values()) {
      float[] f = new float[16];
      java.util.Arrays.fill(f, 1f + c.phenixNumber() / 10f);
      Path npy = scratch.resolve(c.cpName() + ".npy");
      Npy.write(npy, new FloatImage(4, 4, f));
      put(LAYOUT.illumPrefix(PLATE) + PLATE + "_Illum" + c.cpName() + ".npy", Files.readAllBytes(npy));
    }
    put(LAYOUT.loadDataPrefix(PLATE) + "load_data.csv",
        "Metadata_Plate,Metadata_Well,Metadata_Site,FileName_OrigDNA,PathName_OrigDNA\n".getBytes(StandardCharsets.UTF_8));
    byte[] big = new byte[5 * 1024 * 1024 + 100];
    new java.util.Random(7).nextBytes(big);
    String multipart = LAYOUT.loadDataPrefix(PLATE) + "load_data_with_illum.csv";
    server.putMultipart(LAYOUT.bucket(), multipart, big, 5 * 1024 * 1024);
    UPLOADED.put(multipart, big);
    // another plate, which a download of BR00116991 must not touch
    put(LAYOUT.imageFolderPrefix("BR00116992") + "2020-11-05T21_00_00-Measurement1/Images/"
        + PhenixFileName.of(WELLS.get(0), 1, Channel.DNA).fileName(), Tiff16.encode(1, 1, new short[] {1}));
  }

  private static void put(String key, byte[] bytes) {
    server.put(LAYOUT.bucket(), key, bytes);
    UPLOADED.put(key, bytes);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private Cpg0000Download downloader() {
    return Cpg0000Download.of(server.client(), LAYOUT);
  }

  private DownloadOptions subset() {
    return new DownloadOptions(dest, List.of(PLATE), List.of(Well.parse("A01"), Well.parse("B01")), List.of(1),
        List.of(Channel.DNA, Channel.HIGH_Z_BF, Channel.LOW_Z_BF, Channel.BRIGHTFIELD), true, true, 4, false);
  }

  private Path plateDir() {
    return dest.resolve(PLATE + "__2020-11-05T19_51_35-Measurement1");
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void subsetArrivesInPlateFolderLayoutAndReadsBack() throws Exception {
    Cpg0000Download.Result r = downloader().run(subset(), new Cpg0000Download.Listener() {});
    // 2 wells x 1 site x 4 channels, 4 illumination functions, 2 load_data CSVs
    assertEquals(14, r.objects());
    assertEquals(14, r.downloaded());
    assertEquals(List.of(plateDir()), r.plates());
    List<String> names = new ArrayList<>();
    for (Path p : files(dest)) {
      names.add(dest.relativize(p).toString().replace('\\', '/'));
    }
    String d = plateDir().getFileName() + "/";
    assertEquals(List.of(
        d + "Images/r01c01f01p01-ch5sk1fk1fl1.tiff", d + "Images/r01c01f01p01-ch6sk1fk1fl1.tiff",
        d + "Images/r01c01f01p01-ch7sk1fk1fl1.tiff", d + "Images/r01c01f01p01-ch8sk1fk1fl1.tiff",
        d + "Images/r02c01f01p01-ch5sk1fk1fl1.tiff", d + "Images/r02c01f01p01-ch6sk1fk1fl1.tiff",
        d + "Images/r02c01f01p01-ch7sk1fk1fl1.tiff", d + "Images/r02c01f01p01-ch8sk1fk1fl1.tiff",
        d + "illum/BR00116991_IllumBrightfield.npy", d + "illum/BR00116991_IllumDNA.npy",
        d + "illum/BR00116991_IllumHighZBF.npy", d + "illum/BR00116991_IllumLowZBF.npy",
        d + "load_data.csv",
        d + "load_data_csv/load_data.csv", d + "load_data_csv/load_data_with_illum.csv"), names);
    // every byte as uploaded
    for (Map.Entry<String, byte[]> e : UPLOADED.entrySet()) {
      if (e.getKey().startsWith(FOLDER + "Images/r01c01f01") && e.getKey().contains("-ch5")) {
        assertArrayEquals(e.getValue(), Files.readAllBytes(plateDir().resolve("Images")
            .resolve(e.getKey().substring(e.getKey().lastIndexOf('/') + 1))));
      }
    }
    assertArrayEquals(UPLOADED.get(LAYOUT.loadDataPrefix(PLATE) + "load_data_with_illum.csv"),
        Files.readAllBytes(plateDir().resolve("load_data_csv/load_data_with_illum.csv")));
    // the toolkit reads it: sites from the written load_data.csv, pixels, illumination
    PlateFolder plate = PlateFolder.open(plateDir());
    assertEquals(PLATE, plate.barcode());
    Site a01 = new Site(PLATE, Well.parse("A01"), 1);
    assertEquals(List.of(a01, new Site(PLATE, Well.parse("B01"), 1)), plate.sites());
    assertEquals(4, plate.read(a01, Channel.DNA).width());
    assertEquals(1.5f, plate.illumination(Channel.DNA).orElseThrow().at(0, 0), 1e-6);
    assertTrue(plate.illumination(Channel.MITO).isEmpty());
    assertFalse(Files.exists(dest.resolve("BR00116992__2020-11-05T21_00_00-Measurement1")));
  }

  @Test
  void secondRunDownloadsNothingAndDamagedFilesAreFetchedAgain() throws Exception {
    downloader().run(subset(), new Cpg0000Download.Listener() {});
    Cpg0000Download.Result again = downloader().run(subset(), new Cpg0000Download.Listener() {});
    assertEquals(0, again.downloaded());
    assertEquals(14, again.skipped());

    Path images = plateDir().resolve("Images");
    Path flipped = images.resolve("r01c01f01p01-ch5sk1fk1fl1.tiff");
    Path truncated = images.resolve("r02c01f01p01-ch8sk1fk1fl1.tiff");
    byte[] good = Files.readAllBytes(flipped);
    byte[] bad = good.clone();
    bad[bad.length - 1] ^= 0x55; // same size, different bytes: only the MD5/ETag check sees it
    Files.write(flipped, bad);
    byte[] whole = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
    Path illum = plateDir().resolve("illum/BR00116991_IllumDNA.npy");
    Files.delete(illum);
    Path stale = images.resolve(".r01c01f01p01-ch6sk1fk1fl1.tiff.4242.tmp"); // left by a killed run
    Files.write(stale, new byte[] {1, 2, 3});
    Path stale2 = images.resolve(".r01c01f01p01-ch7sk1fk1fl1.tiff.4242-123456789.tmp");
    Files.write(stale2, new byte[] {1, 2, 3});

    List<String> fetched = new ArrayList<>();
    Cpg0000Download.Result repair = downloader().run(subset(), new Cpg0000Download.Listener() {
      @Override
      public synchronized void done(RemoteObject o, boolean downloaded) {
        if (downloaded) {
          fetched.add(o.target().getFileName().toString());
        }
      }
    });
    assertEquals(3, repair.downloaded());
    assertEquals(List.of("BR00116991_IllumDNA.npy", "r01c01f01p01-ch5sk1fk1fl1.tiff", "r02c01f01p01-ch8sk1fk1fl1.tiff"),
        fetched.stream().sorted().toList());
    assertArrayEquals(good, Files.readAllBytes(flipped));
    assertArrayEquals(whole, Files.readAllBytes(truncated));
    assertTrue(Files.exists(illum));
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(stale2));
    // no temporary files left behind
    assertTrue(files(dest).stream().noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), files(dest).toString());
  }

  @Test
  void wholeSitesPassTheManifestCheck() {
    downloader().run(new DownloadOptions(dest, List.of(PLATE), List.of(Well.parse("A02")), List.of(), List.of(),
        true, false, 4, false), new Cpg0000Download.Listener() {});
    org.brightpaint.data.PlateValidator.Report report = org.brightpaint.data.PlateValidator.validate(dest, 4);
    assertTrue(report.ok(), report.format());
    assertEquals(List.of(new Site(PLATE, Well.parse("A02"), 1), new Site(PLATE, Well.parse("A02"), 2)),
        PlateFolder.open(plateDir()).sites());
  }

  @Test
  void multipartObjectsAreCheckedBySizeOnly() throws Exception {
    downloader().run(subset(), new Cpg0000Download.Listener() {});
    Path f = plateDir().resolve("load_data_csv/load_data_with_illum.csv");
    byte[] b = Files.readAllBytes(f);
    b[0] ^= 1;
    Files.write(f, b);
    // a multipart ETag (<hex>-2) cannot be recomputed without the uploader's part size: same size passes
    assertEquals(0, downloader().run(subset(), new Cpg0000Download.Listener() {}).downloaded());
    Files.write(f, java.util.Arrays.copyOf(b, b.length - 1));
    assertEquals(1, downloader().run(subset(), new Cpg0000Download.Listener() {}).downloaded());
    assertArrayEquals(UPLOADED.get(LAYOUT.loadDataPrefix(PLATE) + "load_data_with_illum.csv"), Files.readAllBytes(f));
  }

  @Test
  void objectReplacedOnTheServerAfterListingIsDetected() throws Exception {
    String key = FOLDER + "Images/" + PhenixFileName.of(Well.parse("A02"), 2, Channel.MITO).fileName();
    byte[] original = UPLOADED.get(key);
    DownloadOptions one = new DownloadOptions(dest, List.of(PLATE), List.of(Well.parse("A02")), List.of(2),
        List.of(Channel.MITO), false, false, 1, false);
    try {
      DownloadException e = assertThrows(DownloadException.class, () -> downloader().run(one, new Cpg0000Download.Listener() {
        @Override
        public void planned(int objects, long bytes) {
          byte[] other = original.clone();
          other[other.length - 1] ^= 0x7f;
          server.put(LAYOUT.bucket(), key, other); // same size, new bytes, new ETag
        }
      }));
      assertTrue(e.getMessage().contains("changed on the server") && e.getMessage().contains(key), e.getMessage());
      assertFalse(Files.exists(plateDir().resolve("Images").resolve(key.substring(key.lastIndexOf('/') + 1))));
      assertTrue(files(dest).isEmpty(), files(dest).toString());
    } finally {
      server.put(LAYOUT.bucket(), key, original);
    }
  }

  @Test
  void unknownPlateAndEmptySelectionAreOneLineErrors() {
    DownloadException plate = assertThrows(DownloadException.class, () -> downloader().run(
        DownloadOptions.of(dest, List.of("BR99999999")), new Cpg0000Download.Listener() {}));
    assertTrue(plate.getMessage().startsWith("No plate BR99999999 in s3://cellpainting-gallery/"), plate.getMessage());
    DownloadException none = assertThrows(DownloadException.class, () -> downloader().run(
        new DownloadOptions(dest, List.of(PLATE), List.of(Well.parse("P24")), List.of(), List.of(), false, false, 2, false),
        new Cpg0000Download.Listener() {}));
    assertTrue(none.getMessage().startsWith("No images of plate BR00116991 match wells [P24]"), none.getMessage());
  }

  @Test
  void commandLineDownloadsResumesAndFailsInOneLine() throws Exception {
    String[] args = {"download", "--endpoint", server.endpoint().toString(), "--dest", dest.toString(),
        "--plate", PLATE, "--well", "A02", "--site", "2", "--channel", "DNA", "--channel", "8", "--illum"};
    String[] dry = java.util.Arrays.copyOf(args, args.length + 1);
    dry[args.length] = "--dry-run";
    Captured plan = capture(dry);
    assertEquals(0, plan.status(), plan.err());
    assertTrue(plan.out().startsWith("dry run: 4 files"), plan.out());
    assertTrue(files(dest).isEmpty(), files(dest).toString());
    Captured first = capture(args);
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().contains("4 files: 4 downloaded"), first.out());
    assertTrue(Files.exists(plateDir().resolve("Images/r01c02f02p01-ch5sk1fk1fl1.tiff")));
    assertTrue(Files.exists(plateDir().resolve("illum/BR00116991_IllumBrightfield.npy")));
    Captured second = capture(args);
    assertEquals(0, second.status(), second.err());
    assertTrue(second.out().contains("4 files: 0 downloaded, 4 already complete"), second.out());

    Captured missing = capture("download", "--endpoint", server.endpoint().toString(), "--dest", dest.toString(),
        "--plate", "BR99999999");
    assertEquals(1, missing.status());
    assertTrue(missing.err().startsWith("download: No plate BR99999999"), missing.err());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());

    Captured offline = capture("download", "--endpoint", "http://127.0.0.1:1", "--dest", dest.toString(),
        "--plate", PLATE);
    assertEquals(1, offline.status());
    assertEquals(1, offline.err().strip().lines().count(), offline.err());
    assertTrue(offline.err().contains("Cannot list s3://cellpainting-gallery/"), offline.err());

    Captured badWell = capture("download", "--dest", dest.toString(), "--plate", PLATE, "--well", "Z99");
    assertEquals(2, badWell.status());
    assertEquals(1, badWell.err().strip().lines().count(), badWell.err());
  }

  private record Captured(int status, String out, String err) {}

  private static Captured capture(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Brightpaint.run(args);
      return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
