package io.sealwatch.cli.fault;

import java.util.Set;

/**
 * One case of the hostile-input suite: what a careless or hostile user does ({@code setup}, in the
 * case's own sandbox) and the exit codes the tool may answer with.
 */
record HostileCase(String group, String name, Set<Integer> allowed, Setup setup) {

    /** Prepares the sandbox and says how to start the tool. */
    interface Setup {
        Prepared prepare(HostileKit.Sandbox box) throws Exception;
    }

    /** While the tool runs (a second run, a signal): returns a problem, or null. */
    interface During {
        String alongside(Process p, HostileKit.Sandbox box) throws Exception;
    }

    /** After the tool ended: returns a problem with what it printed or wrote, or null. */
    interface Check {
        String problem(HostileKit.Outcome o) throws Exception;
    }

    /** {@code during} and {@code check} may be null. */
    record Prepared(HostileKit.Launch launch, During during, Check check) {
        Prepared(HostileKit.Launch launch) {
            this(launch, null, null);
        }

        Prepared(HostileKit.Launch launch, Check check) {
            this(launch, null, check);
        }
    }

    static HostileCase of(String group, String name, Set<Integer> allowed, Setup setup) {
        return new HostileCase(group, name, allowed, setup);
    }
}
