package io.sealwatch.config;

import java.util.Collection;

/**
 * People are matched case-insensitively by e-mail or user name (docs/architecture.md, "Authentications and people"): {@code Alice},
 * {@code alice} and {@code alice@example.com} are one person, because logs name the same person
 * either way (a Vault userpass login {@code alice}, an Okta login {@code alice@example.com}).
 */
public final class People {
    private People() {
    }

    /** The user name: the part before {@code @} of an e-mail address, lower case. */
    public static String key(String person) {
        String p = Names.toLowerAscii(person.strip());
        int at = p.indexOf('@');
        return at > 0 ? p.substring(0, at) : p;
    }

    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (Names.equalsIgnoreAsciiCase(a, b)) {
            return true;
        }
        // two full e-mail addresses must agree as a whole; a bare user name matches an address's user part
        boolean bothMail = a.indexOf('@') > 0 && b.indexOf('@') > 0;
        return !bothMail && key(a).equals(key(b));
    }

    public static boolean contains(Collection<String> people, String person) {
        return person != null && people != null && people.stream().anyMatch(p -> same(p, person));
    }
}
