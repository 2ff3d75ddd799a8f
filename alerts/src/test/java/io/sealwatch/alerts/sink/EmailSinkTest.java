package io.sealwatch.alerts.sink;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.sealwatch.alerts.Alert;
import io.sealwatch.alerts.AlertKind;
import io.sealwatch.alerts.Sink;
import io.sealwatch.config.AlertSpec;
import io.sealwatch.model.Severity;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail to a real SMTP server (GreenMail) on loopback. GreenMail 2.1.5 offers no STARTTLS (its SMTP commands are
 * HELO, EHLO, AUTH, MAIL, RCPT, DATA, …), so the encrypted path is proven only by its refusal: with
 * {@code starttls: true} nothing is sent to a server without STARTTLS.
 */
class EmailSinkTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@example.com", "mailer", "pa55word"));

    private static final Alert PLANTED = new Alert(Alert.id(AlertKind.FINDING, "BG-MFA-WEAK", "ep-9"),
            AlertKind.FINDING, Severity.HIGH, "okta-breakglass", "ep-9", "BG-MFA-WEAK",
            Instant.parse("2026-07-01T09:15:00Z"), Instant.parse("2026-07-01T09:15:04Z"),
            "weak factor sms for mallory\r\nBcc: x@evil.example\r\n\r\nforged body ✓", null);

    private static AlertSpec spec(boolean starttls) {
        return new AlertSpec("email", Severity.HIGH, null, null, null, null, "127.0.0.1", SMTP.getSmtp().getPort(),
                starttls, "sealwatch@example.com", List.of("secops@example.com", "ciso@example.com"), "SMTP_USER",
                "SMTP_PASSWORD", 9);
    }

    private static Sink sink(boolean starttls) {
        return new EmailSink.Factory().create(spec(starttls),
                Map.of("SMTP_USER", "mailer", "SMTP_PASSWORD", "pa55word")::get);
    }

    @Test
    void aLogStringCannotAddAHeaderNorARecipient() throws Exception {
        sink(false).deliver(PLANTED);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(2, received.length, "one copy for each configured recipient, none for the planted Bcc");
        MimeMessage m = received[0];
        assertEquals("[Sealwatch] high finding okta-breakglass: weak factor sms for mallory Bcc: x@evil.example "
                + "forged body ✓", m.getSubject());
        assertNull(m.getHeader("Bcc"));
        assertEquals(List.of("secops@example.com", "ciso@example.com"),
                Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList());
        assertEquals(PLANTED.id(), m.getHeader("X-Sealwatch-Alert")[0]);
        assertEquals("auto-generated", m.getHeader("Auto-Submitted")[0]);
        assertTrue(m.isMimeType("text/plain"));
        assertTrue(m.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"), m.getContentType());
        String body = (String) m.getContent();
        assertTrue(body.contains("Rule:     BG-MFA-WEAK"), body);
        assertTrue(body.contains(new String(PLANTED.json(), StandardCharsets.UTF_8)), body);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        m.writeTo(raw);
        String headers = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertFalse(headers.lines().anyMatch(l -> l.regionMatches(true, 0, "Bcc:", 0, 4)), headers);
    }

    @Test
    void withStarttlsNothingGoesToAServerWithoutIt() throws Exception {
        IOException e = assertThrows(IOException.class, () -> sink(true).deliver(PLANTED));
        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertFalse(e.getMessage().contains("pa55word"), e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void starttlsIsRequiredNotMerelyEnabled() {
        var p = EmailSink.Factory.properties(spec(true), true);
        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("5000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", p.getProperty("mail.smtp.timeout"));
    }

    @Test
    void aPasswordNeverGoesInTheClearOverANetwork() {
        AlertSpec remote = new AlertSpec("email", Severity.HIGH, null, null, null, null, "smtp.example.com", 25, false,
                "sealwatch@example.com", List.of("secops@example.com"), "SMTP_USER", "SMTP_PASSWORD", 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EmailSink.Factory()
                .create(remote, Map.of("SMTP_USER", "mailer", "SMTP_PASSWORD", "pa55word")::get));
        assertEquals("alert sink email (config line 9): 'username-env' without 'starttls: true' would send the SMTP "
                + "password unencrypted to smtp.example.com", e.getMessage());
    }

    @Test
    void aMissingPasswordNamesTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EmailSink.Factory().create(spec(false), Map.of("SMTP_USER", "mailer")::get));
        assertEquals("alert sink email (config line 9): environment variable SMTP_PASSWORD (password-env) is not set "
                + "or empty", e.getMessage());
    }
}
