package org.brightpaint.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brightpaint.data.PlateValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brightpaint manifest --images DIR}: builds (when absent) and validates load_data for the
 * plates under DIR, listing every missing, extra or bad file; exits 1 when there is any.
 */
@Command(name = "manifest", mixinStandardHelpOptions = true,
    description = "Validate plate folders (real or synthetic) and build their load_data.csv; lists every missing, extra or bad file.")
public final class ManifestCommand implements Callable<Integer> {

  @Option(names = "--images", required = true, description = "A plate folder, or a folder of plate folders.")
  Path images;

  @Option(names = "--size", description = "Required image size in px (0: any, but one per plate). Default: ${DEFAULT-VALUE}.", defaultValue = "0")
  int size;

  @Override
  public Integer call() {
    PlateValidator.Report r = PlateValidator.validate(images, size);
    System.out.print(r.format());
    return r.ok() ? 0 : 1;
  }
}
