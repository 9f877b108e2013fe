import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.brightpaint.report.MimeBundle;

/**
 * Measurement harness for environment/reemit_notebooks.py (not used by CI): passes each stored
 * PNG file through {@link MimeBundle#ofDisplayImage}, as {@code Display.show(image)} would now,
 * and writes {@code <file>.mime}: the chosen MIME type, a newline, the base64 content.
 * Run: {@code java -cp <library classpath> environment/ReencodeImages.java FILE.png...}
 */
public class ReencodeImages {
  public static void main(String[] args) throws Exception {
    for (String f : args) {
      MimeBundle b = MimeBundle.ofDisplayImage(ImageIO.read(new File(f)));
      String mime = b.get(MimeBundle.JPEG) != null ? MimeBundle.JPEG : MimeBundle.PNG;
      Files.writeString(Path.of(f + ".mime"), mime + "\n" + b.get(mime));
    }
  }
}
