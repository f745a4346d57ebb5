package io.chorus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server in the test JVM (GreenMail), which the service sends to through a relay that can refuse, as a
 * server in trouble does: for now ({@code 421}, and every open connection dropped) or for good ({@code 554}); or hold
 * every new connection without a word, as a server that hangs does (held until its client gives up, whatever the mode
 * becomes). Packaged-jar tests start it themselves ({@link #start}) and hand the jar the settings it answers.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    /** What the relay does with a connection. */
    public enum Mode {
        ACCEPT, REFUSE_FOR_NOW, REFUSE_FOR_GOOD, HOLD
    }

    private static GreenMail greenMail;
    private static volatile Mode mode = Mode.ACCEPT;
    private static final Set<Socket> OPEN = ConcurrentHashMap.newKeySet();
    private ServerSocket relay;

    public static GreenMail greenMail() {
        return greenMail;
    }

    /** From now on the relay answers this way; refusing drops the connections the service holds open. */
    public static void mode(Mode next) {
        mode = next;
        if (next != Mode.ACCEPT) {
            for (Socket socket : OPEN) {
                close(socket);
            }
        }
    }

    @Override
    public Map<String, String> start() {
        int smtpPort = freePort();
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        try {
            relay = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> accept(smtpPort), "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(relay.getLocalPort()),
                "quarkus.mailer.start-tls", "DISABLED", "chorus.mail.delivery", "smtp");
    }

    private void accept(int smtpPort) {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                Mode now = mode;
                if (now == Mode.HOLD) {
                    OPEN.add(client); // never answered
                    continue;
                }
                if (now != Mode.ACCEPT) {
                    String answer = now == Mode.REFUSE_FOR_NOW ? "421 4.3.2 Service not available, try again later"
                            : "554 5.7.1 No SMTP service here";
                    client.getOutputStream().write((answer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    client.getOutputStream().flush();
                    close(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), smtpPort);
                OPEN.add(client);
                OPEN.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the relay was closed, or one connection failed: the others go on
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // closed
            } finally {
                close(from);
                close(to);
            }
        }, "smtp-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        OPEN.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            relay.close();
        } catch (IOException e) {
            // closing anyway
        }
        greenMail.stop();
    }
}
