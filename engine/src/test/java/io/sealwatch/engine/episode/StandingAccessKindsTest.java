package io.sealwatch.engine.episode;

import io.sealwatch.engine.episode.Sessionizer.Span;
import io.sealwatch.model.EventClass;
import io.sealwatch.model.NormalizedEvent;
import io.sealwatch.model.PersistentAccess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Persistent access of the wider kinds created in an episode, and what removes it. */
class StandingAccessKindsTest {
    private long record;

    private NormalizedEvent access(Instant t, String action, String change, String kind, String object) {
        return new NormalizedEvent(t, "aws-cloudtrail", "f", ++record, "id" + record, EventClass.ACCOUNT_CHANGE,
                action, "success", AttacherTest.BG, null, null, "aws-bg", null, null, null, null, null, null, change,
                kind, object, null);
    }

    @Test
    void aDeletedRoleTakesItsTrustPolicyWithItAndALoginProfileLeftStays() {
        Instant t0 = AttacherTest.T0;
        Instant end = t0.plus(Duration.ofMinutes(40));
        List<NormalizedEvent> events = List.of(new AttacherTest().login(t0),
                access(t0.plus(Duration.ofMinutes(5)), "UpdateAssumeRolePolicy", "created", "trust-policy", "Helper"),
                access(t0.plus(Duration.ofMinutes(10)), "CreateLoginProfile", "created", "login-profile", "ops-temp"),
                access(t0.plus(Duration.ofMinutes(20)), "DeleteRole", "removed", "role", "Helper"),
                access(end, "DeleteUser", "removed", "user", "ops-temp"));
        List<PersistentAccess> found = new Attacher(AttacherTest.config(), AttacherTest.Q3)
                .attach(List.of(new Span("aws-bg", t0, end, 5)), events, List.of()).facts().persistentAccess();
        Map<String, PersistentAccess> byKind = found.stream()
                .collect(Collectors.toMap(PersistentAccess::kind, Function.identity()));
        assertEquals(t0.plus(Duration.ofMinutes(20)), byKind.get("trust-policy").removed());
        assertNull(byKind.get("login-profile").removed(), "deleting a user of the same name is another kind");
        assertEquals(2, found.size());
    }
}
