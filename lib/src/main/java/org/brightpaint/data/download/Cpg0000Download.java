package org.brightpaint.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.brightpaint.data.Channel;
import org.brightpaint.data.LoadData;
import org.brightpaint.data.PhenixFileName;
import org.brightpaint.data.PlateFolder;
import org.brightpaint.data.Site;
import org.brightpaint.data.io.AtomicFiles;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Downloads CPJUMP1 plates (or a subset of wells, sites and channels) from the Cell Painting
 * Gallery into the layout described in {@link Cpg0000Layout}.
 *
 * <p>How: the plate's image folder is found by listing {@code .../images/<plate>__} with delimiter
 * {@code /}; the chosen objects are listed with ListObjectsV2 (one prefix per chosen well, or well
 * and site); each is fetched on a bounded pool of {@link DownloadOptions#threads()} threads.
 *
 * <p>Resumable and verified: an object whose local file already has its size and, for single-part
 * objects, an MD5 equal to its ETag is skipped (so a second run downloads nothing); otherwise it is
 * fetched with {@code If-Match: <listed ETag>} (an object replaced on the server since the listing
 * fails with HTTP 412) into a temporary file, its byte count and MD5 are checked against the listed
 * size and ETag, and only then is it renamed into place ({@link AtomicFiles}). Multipart ETags
 * ({@code <hex>-N}) are checked by size only (see {@link RemoteObject}). Temporary files that a
 * killed earlier run left behind are removed first. After the downloads,
 * {@code load_data.csv} is written for each plate from the images present in its {@code Images/}
 * folder (channels that are present, {@code PathName} relative: {@code Images}).
 */
public final class Cpg0000Download {

  /** Progress callbacks; called from the download threads. */
  public interface Listener {
    /**
     * Called once, when every object is listed.
     *
     * @param objects the objects selected
     * @param bytes their total size
     */
    default void planned(int objects, long bytes) {}

    /**
     * Called when an object is done.
     *
     * @param object the object
     * @param downloaded true when fetched, false when the local file was already complete
     */
    default void done(RemoteObject object, boolean downloaded) {}
  }

  /**
   * What a download did.
   *
   * @param plates the local plate folders
   * @param objects objects selected
   * @param downloaded objects fetched
   * @param skipped objects already complete locally
   * @param bytes bytes fetched
   */
  public record Result(List<Path> plates, int objects, int downloaded, int skipped, long bytes) {
    /** Copies. */
    public Result {
      plates = List.copyOf(plates);
    }
  }

  private final S3Client s3;
  private final Cpg0000Layout layout;

  private Cpg0000Download(S3Client s3, Cpg0000Layout layout) {
    this.s3 = s3;
    this.layout = layout;
  }

  /**
   * A downloader over a client.
   *
   * @param s3 the client (see {@link #anonymousClient(Optional)})
   * @param layout where the plates are
   * @return the downloader
   */
  public static Cpg0000Download of(S3Client s3, Cpg0000Layout layout) {
    return new Cpg0000Download(s3, layout);
  }

  /**
   * An S3 client that signs nothing (the Gallery allows anonymous reads), in us-east-1, over the
   * JDK's HTTP connection; with an endpoint (a mirror, or a local S3 server) it uses path-style
   * addressing.
   *
   * @param endpoint e.g. {@code http://127.0.0.1:9000}; empty: AWS S3
   * @return the client (close it when done)
   */
  public static S3Client anonymousClient(Optional<URI> endpoint) {
    var b = S3Client.builder()
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(20)).socketTimeout(Duration.ofSeconds(60)))
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    endpoint.ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
    return b.build();
  }

  /**
   * Lists, then downloads what is missing or incomplete.
   *
   * @param options what and where
   * @param listener progress
   * @return what was done
   * @throws DownloadException (one line) for no such plate, nothing matching the selection, a
   *     network or server error, or bytes that do not match the listed size or ETag
   */
  public Result run(DownloadOptions options, Listener listener) {
    List<Path> plates = new ArrayList<>();
    List<RemoteObject> plan = new ArrayList<>();
    for (String plate : options.plates()) {
      Path dir = plan(plate, options, plan);
      plates.add(dir);
    }
    long total = plan.stream().mapToLong(RemoteObject::size).sum();
    listener.planned(plan.size(), total);
    if (options.dryRun()) {
      return new Result(plates, plan.size(), 0, 0, 0);
    }
    for (Path dir : plates) {
      removeStaleTemporaries(dir);
    }
    AtomicInteger fetched = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(options.threads())) {
      List<Future<?>> futures = new ArrayList<>();
      for (RemoteObject o : plan) {
        futures.add(pool.submit(() -> {
          boolean got = fetch(o);
          if (got) {
            fetched.incrementAndGet();
            bytes.addAndGet(o.size());
          }
          listener.done(o, got);
          return null;
        }));
      }
      DownloadException first = null;
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (first == null) {
            first = e.getCause() instanceof DownloadException d ? d
                : new DownloadException(String.valueOf(e.getCause().getMessage()), e.getCause());
            futures.forEach(g -> g.cancel(false));
          }
        } catch (java.util.concurrent.CancellationException e) {
          // cancelled after the first failure
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DownloadException("Download interrupted", e);
        }
      }
      if (first != null) {
        throw first;
      }
    }
    for (Path dir : plates) {
      writeLoadData(dir);
    }
    return new Result(plates, plan.size(), fetched.get(), plan.size() - fetched.get(), bytes.get());
  }

  /** Lists one plate's selected objects into {@code plan}; returns its local folder. */
  private Path plan(String plate, DownloadOptions o, List<RemoteObject> plan) {
    String folderPrefix = layout.imageFolderPrefix(plate);
    List<String> folders = new ArrayList<>();
    try {
      for (CommonPrefix p : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
          .bucket(layout.bucket()).prefix(folderPrefix).delimiter("/").build()).commonPrefixes()) {
        folders.add(p.prefix());
      }
    } catch (SdkException e) {
      throw failure("list " + layout.url(folderPrefix), e);
    }
    if (folders.isEmpty()) {
      throw new DownloadException("No plate " + plate + " in " + layout.url(folderPrefix + "*")
          + ": check the barcode (the benchmark plates are listed in data-manifests/plates.csv)");
    }
    if (folders.size() > 1) {
      throw new DownloadException("Plate " + plate + " has " + folders.size() + " image folders " + folders
          + ": cannot tell which one to use");
    }
    String folder = folders.getFirst();
    String name = folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1, folder.length() - 1);
    Path dir = o.dest().resolve(name);
    int before = plan.size();
    for (String prefix : Cpg0000Layout.imagePrefixes(folder, o.wells(), o.sites())) {
      for (S3Object s : list(prefix)) {
        String file = s.key().substring(s.key().lastIndexOf('/') + 1);
        if (Cpg0000Layout.selects(file, o)) {
          plan.add(new RemoteObject(s.key(), s.size(), s.eTag(),
              Cpg0000Layout.local(dir.resolve("Images"), folder + "Images/", s.key())));
        }
      }
    }
    if (plan.size() == before) {
      throw new DownloadException("No images of plate " + plate + " match wells " + o.wells() + ", sites "
          + o.sites() + ", channels " + o.channels().stream().map(Channel::cpName).toList() + " under "
          + layout.url(folder + "Images/"));
    }
    if (o.illum()) {
      addAll(plan, plate, layout.illumPrefix(plate), dir.resolve("illum"),
          file -> Cpg0000Layout.selectsIllum(file, plate, o.channels()), "illumination functions");
    }
    if (o.loadData()) {
      addAll(plan, plate, layout.loadDataPrefix(plate), dir.resolve(Cpg0000Layout.LOAD_DATA_CSV), file -> true,
          "load_data CSVs");
    }
    return dir;
  }

  private void addAll(List<RemoteObject> plan, String plate, String prefix, Path folder,
      java.util.function.Predicate<String> keep, String what) {
    int before = plan.size();
    for (S3Object s : list(prefix)) {
      if (s.key().endsWith("/")) {
        continue;
      }
      if (keep.test(s.key().substring(s.key().lastIndexOf('/') + 1))) {
        plan.add(new RemoteObject(s.key(), s.size(), s.eTag(), Cpg0000Layout.local(folder, prefix, s.key())));
      }
    }
    if (plan.size() == before) {
      throw new DownloadException("No " + what + " of plate " + plate + " under " + layout.url(prefix));
    }
  }

  private List<S3Object> list(String prefix) {
    try {
      List<S3Object> out = new ArrayList<>();
      s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(layout.bucket()).prefix(prefix).build())
          .contents().forEach(out::add);
      return out;
    } catch (SdkException e) {
      throw failure("list " + layout.url(prefix), e);
    }
  }

  /** Fetches one object unless its local file is complete; returns whether it fetched. */
  private boolean fetch(RemoteObject o) {
    if (o.matches(o.target())) {
      return false;
    }
    GetObjectRequest req = GetObjectRequest.builder().bucket(layout.bucket()).key(o.key())
        .ifMatch(o.etag().isEmpty() ? null : "\"" + o.etag() + "\"").build();
    try {
      AtomicFiles.write(o.target(), out -> copyVerified(req, o, out));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof Failed f) {
        throw f.failure;
      }
      throw new DownloadException("Cannot write " + o.target() + ": " + e.getCause().getMessage(), e);
    }
    return true;
  }

  /**
   * Streams the object into {@code out}, counting and hashing; any failure is thrown as
   * {@link Failed}, an IOException, so that the atomic writer removes its temporary file.
   */
  private void copyVerified(GetObjectRequest req, RemoteObject o, OutputStream out) throws IOException {
    MessageDigest md = RemoteObject.newMd5();
    long n = 0;
    try (ResponseInputStream<GetObjectResponse> body = s3.getObject(req, ResponseTransformer.toInputStream());
        InputStream in = new DigestInputStream(body, md)) {
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        out.write(buf, 0, r);
        n += r;
      }
    } catch (SdkException e) {
      throw new Failed(failure("get " + layout.url(o.key()), e));
    } catch (IOException e) {
      throw new Failed(new DownloadException("Cannot get " + layout.url(o.key()) + ": " + e.getMessage()
          + " (check the network; run the download again to resume)", e));
    }
    if (n != o.size()) {
      throw new Failed(new DownloadException(layout.url(o.key()) + ": received " + n + " bytes, listed size "
          + o.size() + "; run the download again"));
    }
    String md5 = HexFormat.of().formatHex(md.digest());
    if (!o.multipart() && !o.etag().isEmpty() && !md5.equals(o.etag())) {
      throw new Failed(new DownloadException(layout.url(o.key()) + ": MD5 of the received bytes " + md5
          + " differs from its ETag " + o.etag() + "; run the download again"));
    }
  }

  /** A failed fetch, carried through the atomic writer as an IOException. */
  private static final class Failed extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient DownloadException failure;

    Failed(DownloadException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }
  }

  private DownloadException failure(String what, SdkException e) {
    if (e instanceof S3Exception s) {
      String code = s.awsErrorDetails() == null ? "" : s.awsErrorDetails().errorCode();
      if (s.statusCode() == 412) {
        return new DownloadException("Cannot " + what + ": the object changed on the server since it was listed"
            + " (ETag no longer matches); run the download again", e);
      }
      return new DownloadException("Cannot " + what + ": HTTP " + s.statusCode() + " " + code
          + (s.statusCode() == 404 ? " (check --bucket and --endpoint)" : ""), e);
    }
    if (e instanceof SdkClientException) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return new DownloadException("Cannot " + what + ": " + root.getClass().getSimpleName() + " "
          + root.getMessage() + " (check the network, or --endpoint)", e);
    }
    return new DownloadException("Cannot " + what + ": " + e.getMessage(), e);
  }

  /**
   * Removes the temporary files of {@link AtomicFiles} ({@code .<name>.<digits>.tmp}, or
   * {@code .<name>.<pid>-<nanos>.tmp}) that an interrupted earlier run (a
   * killed process) left in a plate's folders, so that they are not taken for extra files.
   */
  private static void removeStaleTemporaries(Path dir) {
    for (String sub : List.of("Images", "illum", Cpg0000Layout.LOAD_DATA_CSV)) {
      Path folder = dir.resolve(sub);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (var files = Files.list(folder)) {
        for (Path f : files.filter(f -> STALE.matcher(f.getFileName().toString()).matches()).toList()) {
          Files.deleteIfExists(f);
        }
      } catch (IOException e) {
        throw new DownloadException("Cannot clean temporary files in " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  private static final java.util.regex.Pattern STALE = java.util.regex.Pattern.compile("\\..+\\.[0-9-]+\\.tmp");

  /** Writes {@code load_data.csv} listing the images present, channels that are there. */
  private static void writeLoadData(Path dir) {
    if (!Files.isDirectory(dir.resolve("Images"))) {
      return;
    }
    PlateFolder plate = PlateFolder.open(dir);
    TreeMap<Site, java.util.TreeMap<Channel, String>> sites = new TreeMap<>();
    for (PhenixFileName f : plate.listImages()) {
      sites.computeIfAbsent(new Site(plate.barcode(), f.well(), f.field()), s -> new java.util.TreeMap<>())
          .put(f.channel(), f.fileName());
    }
    List<LoadData.Row> rows = new ArrayList<>();
    sites.forEach((site, files) -> {
      java.util.TreeMap<Channel, String> paths = new java.util.TreeMap<>();
      files.keySet().forEach(c -> paths.put(c, "Images"));
      rows.add(new LoadData.Row(site, files, paths, java.util.Map.of()));
    });
    new LoadData(rows).write(dir.resolve("load_data.csv"));
  }
}
