package org.herald.audience.internal.conditions;

import java.util.List;

import org.herald.segments.spi.ConditionTerm;

/** A node of a parsed condition tree: AND, OR, NOT or a leaf of some kind. */
public sealed interface Node {

    record And(List<Node> children) implements Node {
        public And {
            children = List.copyOf(children);
        }
    }

    record Or(List<Node> children) implements Node {
        public Or {
            children = List.copyOf(children);
        }
    }

    record Not(Node child) implements Node {
    }

    record Leaf(ConditionTerm term) implements Node {
    }
}
