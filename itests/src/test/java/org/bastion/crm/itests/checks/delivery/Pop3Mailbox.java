package org.bastion.crm.itests.checks.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a mailbox of the test's mail server (GreenMail, started by the test driver) over POP3, in plain commands
 * (USER, PASS, STAT, RETR, QUIT): the container needs no mail library for it.
 */
final class Pop3Mailbox {

    private final int port;
    private final String user;
    private final String password;

    Pop3Mailbox(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** Every message in the mailbox, as raw text. */
    List<String> messages() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expectOk(in.readLine());
            command(out, in, "USER " + user);
            command(out, in, "PASS " + password);
            String stat = command(out, in, "STAT");
            int count = Integer.parseInt(stat.split(" ")[1]);
            List<String> messages = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                command(out, in, "RETR " + i);
                StringBuilder message = new StringBuilder();
                for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                    message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                }
                messages.add(message.toString());
            }
            command(out, in, "QUIT");
            return messages;
        }
    }

    private static String command(OutputStream out, BufferedReader in, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return expectOk(in.readLine());
    }

    private static String expectOk(String answer) throws IOException {
        if (answer == null || !answer.startsWith("+OK")) {
            throw new IOException("POP3 answered " + answer);
        }
        return answer;
    }
}
