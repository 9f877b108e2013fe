package org.brightpaint.report;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.brightpaint.config.Workspace;

/**
 * Outside a kernel: each bundle's richest representation becomes a file ({@code .png},
 * {@code .html} as a complete page, {@code .md}) whose path is printed; text-only bundles are
 * printed. Files are written to a temporary name and renamed, so a reader never sees half a file.
 */
public final class FileOutput implements KernelOutput {

  private final Path dir;
  private final PrintStream out;
  private final AtomicInteger counter = new AtomicInteger();

  private FileOutput(Path dir, PrintStream out) {
    this.dir = dir;
    this.out = out;
  }

  /**
   * @param dir the folder for the files (created when needed)
   * @param out where paths and text are printed
   * @return the output
   */
  public static FileOutput of(Path dir, PrintStream out) {
    if (dir == null || out == null) {
      throw new IllegalArgumentException("dir and out must not be null");
    }
    return new FileOutput(dir, out);
  }

  /** @return files under {@code Workspace.current().dir("display")}, paths printed to stdout */
  public static FileOutput inWorkspace() {
    return of(Workspace.current().dir("display"), System.out);
  }

  @Override
  public String name() {
    return "files";
  }

  @Override
  public boolean standalone() {
    return true;
  }

  @Override
  public void publish(MimeBundle bundle) {
    String stem = String.format("display-%d-%04d", ProcessHandle.current().pid(), counter.incrementAndGet());
    Path written;
    if (bundle.get(MimeBundle.PNG) != null) {
      written = write(stem + ".png", Base64.getDecoder().decode(bundle.get(MimeBundle.PNG)));
    } else if (bundle.get(MimeBundle.JPEG) != null) {
      written = write(stem + ".jpg", Base64.getDecoder().decode(bundle.get(MimeBundle.JPEG)));
    } else if (bundle.get(MimeBundle.HTML) != null) {
      String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>brightpaint</title></head>\n<body>\n"
          + bundle.get(MimeBundle.HTML) + "\n</body></html>\n";
      written = write(stem + ".html", page.getBytes(StandardCharsets.UTF_8));
    } else if (bundle.get(MimeBundle.MARKDOWN) != null) {
      written = write(stem + ".md", bundle.get(MimeBundle.MARKDOWN).getBytes(StandardCharsets.UTF_8));
    } else {
      out.println(bundle.get(MimeBundle.TEXT));
      return;
    }
    String title = bundle.get(MimeBundle.TEXT).lines().map(String::strip).filter(l -> !l.isEmpty())
        .findFirst().orElse("output");
    out.println(title + " -> " + written);
  }

  private Path write(String fileName, byte[] bytes) {
    Path target = dir.resolve(fileName);
    try {
      org.brightpaint.data.io.AtomicFiles.write(target, bytes);
      return target;
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("Cannot write display output " + target, e.getCause());
    }
  }
}
