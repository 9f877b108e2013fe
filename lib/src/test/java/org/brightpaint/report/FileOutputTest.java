package org.brightpaint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOutputTest {

  @Test
  void writesPngAndHtmlFilesAndPrintsTheirPaths(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    FileOutput out = FileOutput.of(dir, new PrintStream(printed, true, StandardCharsets.UTF_8));
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);

    out.publish(MimeBundle.ofImage(img));
    out.publish(MimeBundle.ofHtml("<b>hi</b>", "hi"));
    out.publish(MimeBundle.ofText("just text"));

    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertEquals(2, files.size(), files.toString());
    assertTrue(files.get(0).toString().endsWith(".png"));
    assertArrayEquals(MimeBundle.png(img), Files.readAllBytes(files.get(0)));
    String page = Files.readString(files.get(1));
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<b>hi</b>"));
    String log = printed.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("-> " + files.get(0)), log);
    assertTrue(log.contains("-> " + files.get(1)), log);
    assertTrue(log.contains("just text"), log);
    assertTrue(log.startsWith("image 3 x 2, 1 band, 8-bit -> "), log);
  }
}
