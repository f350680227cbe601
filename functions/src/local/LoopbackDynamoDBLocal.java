import java.lang.reflect.Field;
import java.net.InetAddress;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local as its own main class (ServerRunner) does, with the same command line
 * (-disableTelemetry, -sharedDb, -port, -inMemory or -dbPath), but on 127.0.0.1 only: the jar has no
 * bind-address option and its Jetty connector would listen on every interface. Compiled once by
 * loopback-launcher.ts into a cache directory and put on the class path before DynamoDBLocal.jar.
 */
public final class LoopbackDynamoDBLocal {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    // Like ServerRunner.main: -help prints the usage and ends.
    if (!new CommandLineInput(args).init()) return;
    // Parses the options, prints the configuration and configures telemetry (off with -disableTelemetry).
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) fail("the Jetty server has no connector to put on " + HOST);
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) fail("unexpected Jetty connector " + connector);
      ((ServerConnector) connector).setHost(HOST);
    }
    // start() prints "Could not start server on port N: Address already in use" and stops on a bind error.
    proxy.start();
    if (!jetty.isStarted()) System.exit(1);
    for (Connector connector : connectors) {
      String host = ((ServerConnector) connector).getHost();
      if (!InetAddress.getByName(host).isLoopbackAddress()) fail("listening on " + host + ", not loopback");
      System.out.println("Listening on " + host + ":" + ((ServerConnector) connector).getLocalPort() + " only");
    }
  }

  private static void fail(String why) {
    System.err.println("LoopbackDynamoDBLocal: " + why);
    System.exit(2);
  }
}
