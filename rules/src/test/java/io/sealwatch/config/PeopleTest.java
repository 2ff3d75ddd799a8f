package io.sealwatch.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeopleTest {
    @Test
    void matchesByEmailOrUserNameIgnoringCase() {
        assertTrue(People.same("Alice@Example.com", "alice@example.com"));
        assertTrue(People.same("alice", "alice@example.com"));
        assertTrue(People.same("ALICE", "alice"));
        assertFalse(People.same("alice@example.com", "alice@other.example"), "two addresses must agree whole");
        assertFalse(People.same("alice", "alicia@example.com"));
        assertFalse(People.same("\u0430lice", "alice@example.com"), "a Cyrillic a is another letter");
        assertFalse(People.same(null, "alice"));
        assertFalse(People.same("\u212Aelly", "kelly"), "the Kelvin sign is not a k");
        assertFalse(new IdentityMatch("okta-system-log", "kelly@example.com").matches("\u212Aelly@example.com"));
        assertFalse(new IdentityMatch("okta-system-log", "*@example.com").matches("x@EXAMPLE.\u212Aom"));
        assertTrue(People.contains(List.of("bob@example.com", "alice@example.com"), "alice"));
    }
}
