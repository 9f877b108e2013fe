package org.brightpaint.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.brightpaint.data.Channel;
import org.brightpaint.data.Plate;
import org.brightpaint.data.Plates;
import org.brightpaint.data.Well;
import org.brightpaint.data.download.Cpg0000Download;
import org.brightpaint.data.download.Cpg0000Layout;
import org.brightpaint.data.download.DownloadException;
import org.brightpaint.data.download.DownloadOptions;
import org.brightpaint.data.download.RemoteObject;
import org.brightpaint.training.ProgressBar;
import org.brightpaint.training.StepLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code brightpaint download --dest DIR [--plate P]... [--well A01]... [--site 1]... [--channel DNA]...
 * [--illum] [--load-data]}: fetches CPJUMP1 (cpg0000) plates from the Cell Painting Gallery with
 * anonymous S3 reads, in parallel, resumably, verified by size and ETag, into plate folders that
 * every other command reads ({@link Cpg0000Download}). A progress bar goes to standard error.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
    description = "Download cpg0000 (CPJUMP1) plates from the Cell Painting Gallery (anonymous S3, no AWS CLI): "
        + "parallel, resumable, verified by size and ETag.")
public final class DownloadCommand implements Callable<Integer> {

  @Option(names = "--dest", required = true, description = "Folder that receives one plate folder per plate.")
  Path dest;

  @Option(names = "--plate", description = "Plate barcode (repeatable). Default: the eight benchmark plates.")
  List<String> plates = new ArrayList<>();

  @Option(names = "--well", description = "Well, e.g. A01 (repeatable). Default: all.")
  List<String> wells = new ArrayList<>();

  @Option(names = "--site", description = "Site (field) 1..9 (repeatable). Default: all.")
  List<Integer> sites = new ArrayList<>();

  @Option(names = "--channel", description = "Channel by Phenix number 1..8 or name (Mito, AGP, RNA, ER, DNA, "
      + "HighZBF, LowZBF, Brightfield; repeatable). Default: all.")
  List<String> channels = new ArrayList<>();

  @Option(names = "--illum", description = "Also download the illumination functions (illum/<plate>_Illum<Channel>.npy).")
  boolean illum;

  @Option(names = "--load-data", description = "Also download the Gallery's load_data CSVs (into load_data_csv/).")
  boolean loadData;

  @Option(names = "--threads", defaultValue = "8", description = "Parallel downloads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--endpoint", description = "S3 endpoint of a mirror or local server, e.g. http://127.0.0.1:9000 "
      + "(path-style). Default: AWS S3, us-east-1.")
  URI endpoint;

  @Option(names = "--bucket", description = "Bucket (default: the Cell Painting Gallery's).")
  String bucket;

  @Option(names = "--dry-run", description = "List what would be downloaded, write nothing.")
  boolean dryRun;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DownloadOptions options;
    Cpg0000Layout layout = Cpg0000Layout.gallery();
    try {
      if (bucket != null) {
        layout = new Cpg0000Layout(bucket, layout.root(), layout.batch());
      }
      List<String> barcodes = plates.isEmpty() ? Plates.benchmark().stream().map(Plate::barcode).toList() : plates;
      options = new DownloadOptions(dest, barcodes, wells.stream().map(Well::parse).toList(), sites,
          channels.stream().map(DownloadCommand::channel).toList(), illum, loadData, threads, dryRun);
    } catch (IllegalArgumentException e) {
      return fail(e, 2);
    }
    try (S3Client s3 = Cpg0000Download.anonymousClient(Optional.ofNullable(endpoint))) {
      Bar bar = new Bar();
      Cpg0000Download.Result r = Cpg0000Download.of(s3, layout).run(options, bar);
      bar.end();
      if (dryRun) {
        System.out.printf(Locale.ROOT, "dry run: %d files (%.1f MB) would be checked or downloaded into %s%n",
            r.objects(), bar.totalBytes / 1e6, r.plates());
      } else {
        System.out.printf(Locale.ROOT, "%d files: %d downloaded, %d already complete (%.1f MB fetched) into %s%n",
            r.objects(), r.downloaded(), r.skipped(), r.bytes() / 1e6, r.plates());
      }
      return 0;
    } catch (DownloadException | IllegalArgumentException | java.io.UncheckedIOException e) {
      return fail(e, 1);
    }
  }

  private int fail(RuntimeException e, int status) {
    System.err.println("download: " + e.getMessage());
    // the global --debug option (inherited from Brightpaint)
    picocli.CommandLine.Model.OptionSpec debug = spec == null ? null : spec.findOption("--debug");
    if (debug != null && Boolean.TRUE.equals(debug.getValue())) {
      e.printStackTrace();
    }
    return status;
  }

  private static Channel channel(String s) {
    String t = s.trim();
    return t.chars().allMatch(Character::isDigit) && !t.isEmpty() ? Channel.ofPhenix(Integer.parseInt(t)) : Channel.ofName(t);
  }

  /** Drives the training progress bar with files done and megabytes fetched. */
  private static final class Bar implements Cpg0000Download.Listener {
    private final ProgressBar bar = ProgressBar.of(System.err,
        System.console() != null || System.getenv("JPY_PARENT_PID") != null
            ? ProgressBar.Style.CARRIAGE_RETURN : ProgressBar.Style.LINES);
    private long done;
    private long doneBytes;
    private long totalBytes;
    private boolean started;

    @Override
    public synchronized void planned(int objects, long bytes) {
      totalBytes = bytes;
      if (objects > 0) {
        bar.onTrainingBegin(1, objects);
        started = true;
      }
    }

    @Override
    public synchronized void done(RemoteObject object, boolean downloaded) {
      done++;
      doneBytes += object.size();
      bar.onStep(new StepLog(done, 0, Map.of("MB", doneBytes / 1e6), 0, 0));
    }

    synchronized void end() {
      if (started && done > 0) {
        bar.onTrainingEnd(done);
      }
    }
  }
}
