import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The digest benchmark's local SMTP server: accepts every mail on 127.0.0.1 and keeps only their count, written to a
 * file every 100 ms. Run with the JDK's single-file launcher: java bench/SmtpSink.java PORT COUNT_FILE
 */
public class SmtpSink {

    private static final AtomicLong RECEIVED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 200, InetAddress.getLoopbackAddress());
        Path count = Path.of(args[1]);
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    Files.writeString(count, RECEIVED.get() + "\n");
                    Thread.sleep(100);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        while (true) {
            Socket client = server.accept();
            Thread thread = new Thread(() -> serve(client));
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void serve(Socket client) {
        try (client; BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = client.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            boolean data = false;
            while ((line = in.readLine()) != null) {
                if (data) {
                    if (line.equals(".")) {
                        data = false;
                        RECEIVED.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    continue;
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "DATA" -> {
                        data = true;
                        reply(out, "354 end with <CRLF>.<CRLF>");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
