package org.brightpaint.data.download;

import java.net.URI;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A real S3 server for tests: S3Proxy (org.gaul:s3proxy, the Jetty server that implements the S3
 * REST API) over an in-memory blob store, bound to 127.0.0.1 on a free port, anonymous access.
 * Objects are uploaded through the S3 API itself, so the server computes their ETags.
 */
final class GalleryServer implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;
  private final S3Client client;

  private GalleryServer(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    // the downloader's client, without "Expect: 100-continue" on uploads (which costs a round trip wait per PUT)
    this.client = S3Client.builder()
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
        .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
        .endpointOverride(endpoint).forcePathStyle(true)
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().expectContinueEnabled(false).build())
        .build();
  }

  /**
   * Starts a server with one empty bucket.
   *
   * @param bucket the bucket name
   * @return the running server
   * @throws Exception when it cannot start
   */
  static GalleryServer start(String bucket) throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.NONE, "", "")
        .stopTimeout(0)
        .build();
    proxy.start();
    for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
      Thread.sleep(10);
    }
    GalleryServer s = new GalleryServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    s.client.createBucket(b -> b.bucket(bucket));
    return s;
  }

  URI endpoint() {
    return endpoint;
  }

  S3Client client() {
    return client;
  }

  void put(String bucket, String key, byte[] bytes) {
    client.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(bytes));
  }

  /** Uploads in two parts (the first {@code cut} bytes, then the rest), so the ETag is {@code <hex>-2}. */
  void putMultipart(String bucket, String key, byte[] bytes, int cut) {
    String id = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    String e1 = client.uploadPart(UploadPartRequest.builder().bucket(bucket).key(key).uploadId(id).partNumber(1).build(),
        RequestBody.fromBytes(java.util.Arrays.copyOfRange(bytes, 0, cut))).eTag();
    String e2 = client.uploadPart(UploadPartRequest.builder().bucket(bucket).key(key).uploadId(id).partNumber(2).build(),
        RequestBody.fromBytes(java.util.Arrays.copyOfRange(bytes, cut, bytes.length))).eTag();
    client.completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(id)
        .multipartUpload(CompletedMultipartUpload.builder().parts(
            CompletedPart.builder().partNumber(1).eTag(e1).build(),
            CompletedPart.builder().partNumber(2).eTag(e2).build()).build()).build());
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }
}
