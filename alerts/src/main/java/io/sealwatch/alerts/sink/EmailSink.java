package io.sealwatch.alerts.sink;

import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.Sink;
import io.sealwatch.alerts.SinkFactory;
import io.sealwatch.config.AlertSpec;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * {@code email}: one text/plain UTF-8 message per alert over SMTP (Jakarta Mail). With {@code starttls: true} the
 * connection must be upgraded with STARTTLS and the server's certificate and name checked: a server that does not
 * offer STARTTLS gets nothing, rather than the alert in the clear. Every string from an alert is stripped of control
 * characters before it goes into the subject, so a log string cannot add a header. A password goes only over an
 * encrypted connection, or to this machine.
 */
public final class EmailSink implements Sink {
    static final int MAX_SUBJECT = 250;

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final String username;
    private final String password;

    private EmailSink(Session session, InternetAddress from, InternetAddress[] to, String username, String password) {
        this.session = session;
        this.from = from;
        this.to = to.clone();
        this.username = username;
        this.password = password;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        try {
            MimeMessage m = message(alert);
            if (username == null) {
                Transport.send(m);
            } else {
                Transport.send(m, username, password);
            }
        } catch (MessagingException e) {
            String why = String.valueOf(e.getMessage());
            if (username != null) {
                why = why.replace(password, "***").replace(username, "***");
            }
            throw new IOException("SMTP: " + why, e);
        }
    }

    MimeMessage message(Alert a) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject(a), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(a.detectedAt()));
        m.setHeader("X-Sealwatch-Alert", a.id());
        m.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no vacation replies to a machine
        m.setText(body(a), StandardCharsets.UTF_8.name());
        return m;
    }

    /** "[Sealwatch] &lt;severity&gt; &lt;kind&gt; &lt;account&gt;: &lt;message&gt;", one line. */
    static String subject(Alert a) {
        String s = "[Sealwatch] " + a.severity().wire() + " " + a.kind().wire()
                + (a.account() == null ? "" : " " + a.account()) + ": " + a.message();
        s = oneLine(s);
        return s.length() <= MAX_SUBJECT ? s : s.substring(0, MAX_SUBJECT) + "…";
    }

    /** The fields, one a line, then the alert's JSON as every other sink gets it. */
    static String body(Alert a) {
        StringBuilder b = new StringBuilder("Sealwatch alert\n\n");
        field(b, "Kind", a.kind().wire());
        field(b, "Severity", a.severity().wire());
        field(b, "Account", a.account());
        field(b, "Episode", a.episode());
        field(b, "Rule", a.rule());
        field(b, "At", a.at().toString());
        field(b, "Detected", a.detectedAt().toString());
        field(b, "Message", a.message());
        field(b, "Link", a.url());
        field(b, "Alert id", a.id());
        return b.append("\nJSON:\n").append(new String(a.json(), StandardCharsets.UTF_8)).append('\n').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(String.format(Locale.ROOT, "%-10s%s", name + ":", oneLine(value))).append('\n');
        }
    }

    /** Control characters (CR, LF, tab, NEL, …) and the Unicode line separators become spaces, runs of them one. */
    static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && !gap) {
                out.append(' ');
            } else if (!control) {
                out.append(c);
            }
            gap = control;
        }
        return out.toString().strip();
    }

    /** Registered in {@code META-INF/services/io.sealwatch.alerts.SinkFactory}. */
    public static final class Factory implements SinkFactory {
        @Override
        public String type() {
            return "email";
        }

        @Override
        public Sink create(AlertSpec spec, Function<String, String> env) {
            String username = spec.usernameEnv() == null ? null
                    : SinkFactory.required(spec, env, "username-env", spec.usernameEnv());
            String password = spec.passwordEnv() == null ? null
                    : SinkFactory.required(spec, env, "password-env", spec.passwordEnv());
            if (username != null && !spec.starttls() && !loopback(spec.host())) {
                throw new IllegalArgumentException(SinkFactory.where(spec) + ": 'username-env' without 'starttls: true'"
                        + " would send the SMTP password unencrypted to " + spec.host());
            }
            return new EmailSink(Session.getInstance(properties(spec, username != null)), address(spec, spec.from()),
                    addresses(spec), username, password);
        }

        /** Written as an address of this machine: a password sent there in the clear never crosses a network. */
        static boolean loopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        }

        static Properties properties(AlertSpec spec, boolean auth) {
            Properties p = new Properties();
            p.setProperty("mail.smtp.host", spec.host());
            p.setProperty("mail.smtp.port", Integer.toString(spec.port()));
            p.setProperty("mail.smtp.connectiontimeout", Long.toString(Http.CONNECT_TIMEOUT.toMillis()));
            p.setProperty("mail.smtp.timeout", Long.toString(Http.REQUEST_TIMEOUT.toMillis()));
            p.setProperty("mail.smtp.writetimeout", Long.toString(Http.REQUEST_TIMEOUT.toMillis()));
            p.setProperty("mail.smtp.auth", Boolean.toString(auth));
            if (spec.starttls()) {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            return p;
        }

        private static InternetAddress[] addresses(AlertSpec spec) {
            List<InternetAddress> to = new ArrayList<>();
            for (String a : spec.to()) {
                to.add(address(spec, a));
            }
            return to.toArray(InternetAddress[]::new);
        }

        private static InternetAddress address(AlertSpec spec, String address) {
            try {
                return new InternetAddress(address, true);
            } catch (AddressException e) {
                throw new IllegalArgumentException(SinkFactory.where(spec) + ": '" + address
                        + "' is not an e-mail address", e);
            }
        }
    }
}
