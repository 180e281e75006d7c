package org.herald.audience.internal.conditions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.contacts.FieldDefinition;
import org.herald.json.HeraldJson;
import org.herald.json.JsonProblem;
import org.herald.segments.Condition;
import org.herald.segments.spi.ConditionKind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The two forms of a condition tree, both ways: JSON ({@code {"and":[…]}}, …) and text
 * ({@code age >= 30 and tag vip and not opened in 90 days}), over the built-in kinds and those
 * extension bundles register. Immutable: a new instance is made when the set of kinds changes.
 */
public final class Conditions {

    private final Map<String, ConditionKind> kinds;
    private final FieldKind fields;
    private final EventKind events = new EventKind();
    private final Catalog catalog;

    public Conditions(Catalog catalog, Collection<ConditionKind> extensions) {
        this.catalog = catalog;
        this.fields = new FieldKind(catalog);
        Map<String, ConditionKind> all = new LinkedHashMap<>();
        all.put(fields.key(), fields);
        all.put(events.key(), events);
        for (ConditionKind k : SimpleKinds.all(catalog)) {
            all.put(k.key(), k);
        }
        for (ConditionKind k : extensions) {
            if (all.containsKey(k.key()) || EventKind.TEXT_WORDS.containsKey(k.key()) || isOperator(k.key())) {
                continue; // Herald's own words win; the registry logs the clash
            }
            all.put(k.key(), k);
        }
        this.kinds = Map.copyOf(all);
    }

    static boolean isOperator(String key) {
        return key.equals("and") || key.equals("or") || key.equals("not");
    }

    /** Whether {@code key} is taken by a built-in kind or word. */
    public static boolean reserved(String key) {
        return isOperator(key) || EventKind.TEXT_WORDS.containsKey(key) || List.of("field", "event", "tag", "list",
                "status", "score", "orders", "spent", "average", "created", "stage", "engaged").contains(key);
    }

    // ---- JSON

    public Node parseJson(String json) {
        JsonNode root;
        try {
            root = HeraldJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw Problems.at("conditions", JsonProblem.of(e).message());
        }
        if (root == null || root.isMissingNode()) {
            throw Problems.at("conditions", "is empty");
        }
        return fromJson(root, "");
    }

    public Node fromJson(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw Problems.at(path, "must be an object such as {\"tag\":\"vip\"} or {\"and\":[…]}");
        }
        for (String op : List.of("and", "or")) {
            if (node.has(op)) {
                if (node.size() != 1) {
                    throw Problems.at(path, "'" + op + "' takes no other members");
                }
                JsonNode items = node.get(op);
                String p = path.isEmpty() ? op : path + "." + op;
                if (!items.isArray()) {
                    throw Problems.at(p, "must be an array of conditions");
                }
                List<Node> children = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    children.add(fromJson(items.get(i), p + "[" + i + "]"));
                }
                return op.equals("and") ? new Node.And(children) : new Node.Or(children);
            }
        }
        if (node.has("not")) {
            if (node.size() != 1) {
                throw Problems.at(path, "'not' takes no other members");
            }
            return new Node.Not(fromJson(node.get("not"), Problems.child(path, "not")));
        }
        for (var it = node.fieldNames(); it.hasNext();) {
            ConditionKind kind = kinds.get(it.next());
            if (kind != null) {
                return new Node.Leaf(kind.fromJson(node, path));
            }
        }
        throw Problems.at(path, "unknown condition " + node + "; a condition names one of and, or, not, "
                + String.join(", ", kinds.keySet().stream().sorted().toList()));
    }

    public static JsonNode toJson(Node node) {
        JsonNodeFactory j = JsonNodeFactory.instance;
        if (node instanceof Node.And a) {
            ObjectNode n = j.objectNode();
            ArrayNode items = n.putArray("and");
            a.children().forEach(c -> items.add(toJson(c)));
            return n;
        } else if (node instanceof Node.Or o) {
            ObjectNode n = j.objectNode();
            ArrayNode items = n.putArray("or");
            o.children().forEach(c -> items.add(toJson(c)));
            return n;
        } else if (node instanceof Node.Not n) {
            ObjectNode out = j.objectNode();
            out.set("not", toJson(n.child()));
            return out;
        }
        return ((Node.Leaf) node).term().toJson();
    }

    // ---- text

    public Node parseText(String text) {
        if (text == null || text.isBlank()) {
            throw Problems.at("text", "is empty");
        }
        Tokens in = new Tokens(text);
        Node n = or(in);
        if (!in.atEnd()) {
            throw in.error("unexpected '" + in.peek() + "'");
        }
        return n;
    }

    private Node or(Tokens in) {
        List<Node> items = new ArrayList<>(List.of(and(in)));
        while (in.accept("or")) {
            items.add(and(in));
        }
        return items.size() == 1 ? items.get(0) : new Node.Or(items);
    }

    private Node and(Tokens in) {
        List<Node> items = new ArrayList<>(List.of(unary(in)));
        while (in.accept("and")) {
            items.add(unary(in));
        }
        return items.size() == 1 ? items.get(0) : new Node.And(items);
    }

    private Node unary(Tokens in) {
        if (in.accept("not")) {
            return new Node.Not(unary(in));
        }
        if (in.accept("(")) {
            Node n = or(in);
            in.expect(")");
            return n;
        }
        Tokens.Token t = in.peekToken();
        if (t == null || t.quoted()) {
            throw in.error("expected a condition");
        }
        String word = t.text().toLowerCase(java.util.Locale.ROOT);
        String eventType = EventKind.TEXT_WORDS.get(word);
        if (eventType != null) {
            in.next("an event");
            return new Node.Leaf(events.fromText(eventType, in, "text"));
        }
        ConditionKind kind = kinds.get(word);
        if (kind != null && !(kind instanceof FieldKind)) {
            in.next(word);
            return new Node.Leaf(kind.fromText(in, "text"));
        }
        if (kind instanceof FieldKind) {
            in.next(word); // "field <name> …" names a field whose name is also a keyword
        }
        return new Node.Leaf(fields.fromText(in, "text"));
    }

    public static String toText(Node node) {
        if (node instanceof Node.And a) {
            return String.join(" and ", a.children().stream().map(c -> c instanceof Node.Or ? "(" + toText(c) + ")" : toText(c)).toList());
        } else if (node instanceof Node.Or o) {
            return String.join(" or ", o.children().stream().map(Conditions::toText).toList());
        } else if (node instanceof Node.Not n) {
            Node c = n.child();
            return "not " + (c instanceof Node.Leaf || c instanceof Node.Not ? toText(c) : "(" + toText(c) + ")");
        }
        Node.Leaf leaf = (Node.Leaf) node;
        String text = leaf.term().toText();
        if (leaf.term().toJson().has("field")) {
            String name = leaf.term().toJson().get("field").asText();
            if (reserved(name)) {
                return "field " + text;
            }
        }
        return text;
    }

    /** The engagement condition: an interaction in {@code days}, or younger than that. */
    public static Node engaged(int days) {
        return new Node.Leaf(SimpleKinds.Engaged.term(days));
    }

    public static Condition condition(Node node) {
        return Condition.of(toJson(node).toString(), toText(node));
    }

    public Optional<FieldDefinition> field(String name) {
        return catalog.field(name);
    }

    /** The list names a tree uses (list conditions). */
    public static List<String> lists(Node node) {
        List<String> out = new ArrayList<>();
        collect(toJson(node), out);
        return out;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject() && n.has("list") && n.get("list").isTextual()) {
            out.add(n.get("list").asText());
        }
        n.forEach(child -> collect(child, out));
    }
}
