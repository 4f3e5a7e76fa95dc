/*
 * Runs a Neo4j Community DBMS (embedded, the one Maven Central publishes) with the Bolt
 * connector on 127.0.0.1 and authentication on, for machines without Docker.
 *
 * Why embedded: Maven Central carries org.neo4j:neo4j (the whole DBMS, with
 * DatabaseManagementServiceBuilder) but not the server bootstrapper (CommunityEntryPoint ships
 * only in the distribution archive), so the documented embedded builder with the Bolt connector
 * enabled is the real server a Maven build can run.
 *
 * Protocol with the parent (src/cli/neo4j-local.ts):
 *  - stdout line "NEO4J_LOCAL_READY bolt://127.0.0.1:<port> version=<v>" once Bolt accepts;
 *  - "NEO4J_LOCAL_FAILED <one sentence>" and exit code 2 when it cannot start;
 *  - the first line on stdin is the password of user neo4j (kept off the command line and the
 *    environment, where other users of the machine could read it);
 *  - it shuts down cleanly on SIGTERM/SIGINT, on the word "stop" or end of file on stdin,
 *    and when the parent process (--parent-pid) is gone, so no JVM outlives its owner.
 */
package org.clustergraph.neo4jlocal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

public final class Neo4jLocal {
    private static final String LOOPBACK = "127.0.0.1";

    private Neo4jLocal() {}

    public static void main(String[] argv) {
        Map<String, String> args = parse(argv);
        int port = Integer.parseInt(args.getOrDefault("port", "7687"));
        Path dataDir = Path.of(args.getOrDefault("data-dir", "target/neo4j-data")).toAbsolutePath();
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = readPassword(stdin);
        String pageCache = args.getOrDefault("pagecache", "128m");
        long parentPid = Long.parseLong(args.getOrDefault("parent-pid", "0"));

        if (password.length() < 8) {
            fail("the Neo4j password must have at least 8 characters (Neo4j's own minimum)");
        }
        if (!portIsFree(port)) {
            fail("port " + port + " on " + LOOPBACK + " is already in use; choose another Bolt port");
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(dataDir);
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port))
                    .setConfig(HttpConnector.enabled, false)
                    // Neo4j waits 5 s twice for Bolt workers when stopping; ours has no clients
                    // left by then (the driver is closed first), so one second each is plenty.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(GraphDatabaseSettings.logs_directory, dataDir.resolve("logs"))
                    // A transaction that runs this long is a bug in a test or a query, not a workload.
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
                    .build();
        } catch (Throwable e) {
            fail("Neo4j could not start in " + dataDir + ": " + rootMessage(e));
            return;
        }

        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                System.out.println("NEO4J_LOCAL_STOPPING");
                System.out.flush();
                try {
                    dbms.shutdown();
                } finally {
                    System.out.println("NEO4J_LOCAL_STOPPED");
                    System.out.flush();
                    done.countDown();
                }
            }
        };
        // SIGTERM and SIGINT run shutdown hooks; the hook waits for a clean store shutdown.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-local-shutdown"));

        try {
            setPassword(dbms, password);
        } catch (Throwable e) {
            stop.run();
            fail("could not set the password of user neo4j: " + rootMessage(e));
        }

        System.out.println("NEO4J_LOCAL_READY bolt://" + LOOPBACK + ":" + port
                + " version=" + Version.getNeo4jVersion() + " data=" + dataDir);
        System.out.flush();

        watchStdin(stdin, stop);
        if (parentPid > 0) {
            watchParent(parentPid, stop);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    /** The built-in user starts with password "neo4j" and must change it; set ours once. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Map<String, Object> params = Map.of("password", password);
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", params);
        } catch (RuntimeException e) {
            // A persistent data directory keeps the password of an earlier run: same one is fine.
            String message = rootMessage(e);
            if (!message.contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String readPassword(BufferedReader stdin) {
        try {
            String line = stdin.readLine();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void watchStdin(BufferedReader stdin, Runnable stop) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = stdin) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.trim().equals("stop")) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone: stop as on end of file.
            }
            stop.run();
        }, "neo4j-local-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void watchParent(long pid, Runnable stop) {
        Thread t = new Thread(() -> {
            while (true) {
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    stop.run();
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "neo4j-local-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> parse(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (String a : argv) {
            if (a.startsWith("--") && a.contains("=")) {
                int eq = a.indexOf('=');
                out.put(a.substring(2, eq), a.substring(eq + 1));
            } else {
                fail("unknown argument " + a + " (expected --name=value)");
            }
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void fail(String sentence) {
        System.out.println("NEO4J_LOCAL_FAILED " + sentence);
        System.out.flush();
        System.exit(2);
    }
}
