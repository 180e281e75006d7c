package org.herald.audience.shell.internal;

import java.util.List;

import org.herald.common.ValidationException;
import org.herald.segments.Condition;
import org.herald.segments.SegmentService;

/** The condition of a command: the words after the name as text, or --json. */
final class ConditionArgs {

    private ConditionArgs() {
    }

    static String text(List<String> words) {
        return words == null || words.isEmpty() ? null : String.join(" ", words);
    }

    static Condition parse(SegmentService segments, List<String> words, String json) {
        String text = text(words);
        if ((text == null) == (json == null)) {
            throw new ValidationException("conditions", null,
                    "give the conditions as text (age >= 30 and tag vip) or with --json, exactly one of them");
        }
        return json != null ? segments.parse(json) : segments.parseText(text);
    }
}
