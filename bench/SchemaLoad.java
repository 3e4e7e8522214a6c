import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.connectverify.core.Product;
import org.connectverify.core.Report;
import org.connectverify.core.Verifier;
import org.connectverify.core.VerifyOptions;
import org.connectverify.core.schema.SchemaSet;

/**
 * Times the schemas: parsing and compiling each product's schema in a fresh JVM (cold) and again in a new SchemaSet
 * (warm), and one verification with and without the schema check. Run with the CLI jar on the class path:
 * {@code java -cp cli/target/connect-verify.jar bench/SchemaLoad.java [descriptor]}.
 */
public final class SchemaLoad {
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    SchemaSet cold = new SchemaSet();
    for (Product p : Product.values()) {
      long s = System.nanoTime();
      cold.schema(p);
      System.out.printf("cold compile %-10s %7.1f ms%n", p.label(), ms(s));
    }
    System.out.printf("cold compile, all three   %7.1f ms%n", ms(t0));
    for (int round = 1; round <= 3; round++) {
      long s = System.nanoTime();
      SchemaSet warm = new SchemaSet();
      for (Product p : Product.values()) {
        warm.schema(p);
      }
      System.out.printf("warm compile, all three (round %d) %7.1f ms%n", round, ms(s));
    }
    long s = System.nanoTime();
    cold.schema(Product.JIRA);
    System.out.printf("second use of a compiled schema %7.3f ms (compiled once per SchemaSet)%n", ms(s));
    if (args.length > 0) {
      byte[] bytes = Files.readAllBytes(Path.of(args[0]));
      for (boolean withSchemas : new boolean[] {true, false}) {
        VerifyOptions.Builder b = VerifyOptions.builder();
        if (!withSchemas) {
          b.skipRule("schema");
        }
        Verifier v = Verifier.create(b.build());
        long first = System.nanoTime();
        Report r = v.verify("atlassian-connect.json", bytes);
        double firstMs = ms(first);
        long again = System.nanoTime();
        v.verify("atlassian-connect.json", bytes);
        System.out.printf("verify %s schemas: first %7.1f ms, again %6.1f ms (%d findings)%n",
            withSchemas ? "with   " : "without", firstMs, ms(again), r.findings().size());
      }
    }
  }

  private static double ms(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
