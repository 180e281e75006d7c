package org.herald.shell.internal.list;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import org.herald.common.HeraldException;
import org.herald.shell.internal.HeraldAction;

/**
 * Applies one change to several contacts: each is tried, one that fails does not stop the others,
 * and the command fails at the end if any did, naming how many.
 */
abstract class MembershipAction extends HeraldAction {

    void forEach(PrintStream out, List<String> targets, String what, Function<String, String> change) throws Exception {
        int failed = 0;
        for (String target : targets) {
            try {
                out.println(change.apply(target));
            } catch (HeraldException e) {
                failed++;
                out.println("Error: " + target + ": " + e.getMessage());
            }
        }
        if (failed > 0) {
            throw error(failed + " of " + targets.size() + " contacts could not be " + what + " (see above)");
        }
    }
}
