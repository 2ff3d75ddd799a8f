package io.sealwatch.config;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity (or sealed-secret) patterns every account claims, with where each was declared. One value
 * in the logs must belong to one account: an identity two accounts can claim would attribute a use to
 * either, and a secret read would count as custody for both.
 */
final class Claims {
    private final String what;
    private final List<Claim> claims = new ArrayList<>();

    /** Where a config problem is reported: the node, its key path, one sentence. */
    interface Problems {
        void error(Node node, String path, String message);
    }

    /** @param what the kind of value, for the message: "identity", "secret" */
    Claims(String what) {
        this.what = what;
    }

    /** A pattern of the account at key path {@code account}; returns {@code match} (null stays null). */
    IdentityMatch add(String account, IdentityMatch match, String path, Node node) {
        if (match != null) {
            claims.add(new Claim(account, match, path, node));
        }
        return match;
    }

    /** Reports every pattern that can match a value a pattern of another account matches too. */
    void overlaps(Problems problems) {
        for (int j = 1; j < claims.size(); j++) {
            Claim b = claims.get(j);
            for (Claim a : claims.subList(0, j)) {
                if (!a.account().equals(b.account()) && a.match().overlaps(b.match())) {
                    problems.error(b.node(), b.path(), "'" + b.match().match() + "' can match the same " + what + " as "
                            + a.path() + " '" + a.match().match() + "' (line " + ConfigLoader.line(a.node())
                            + "); it must belong to one account only");
                }
            }
        }
    }

    private record Claim(String account, IdentityMatch match, String path, Node node) {
    }
}
