package org.herald.audience.internal;

import java.util.ArrayList;
import java.util.List;

import org.herald.contacts.ListUsageProvider;
import org.herald.json.HeraldJson;
import org.herald.store.SegmentRecord;
import org.herald.store.SegmentStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The list delete guard for segments: a list a segment uses (as its parent or in a {@code list}
 * condition) is not deleted without force. A component of its own over the store only: the list
 * service references every {@code ListUsageProvider}, and the segment service references the list
 * service, so the segment service being the provider would be a reference cycle.
 */
@Component(service = ListUsageProvider.class)
public class SegmentListUsage implements ListUsageProvider {

    private final SegmentStore store;

    @Activate
    public SegmentListUsage(@Reference SegmentStore store) {
        this.store = store;
    }

    @Override
    public List<String> usagesOf(String listName) {
        return segmentsUsing(store, listName).stream().map(n -> "segment '" + n + "'").toList();
    }

    static List<String> segmentsUsing(SegmentStore store, String list) {
        List<String> out = new ArrayList<>();
        for (SegmentRecord r : store.segments()) {
            if (list.equals(r.parentList()) || names(r.conditions(), list)) {
                out.add(r.name());
            }
        }
        return out;
    }

    private static boolean names(String json, String list) {
        try {
            return names(HeraldJson.mapper().readTree(json), list);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean names(JsonNode n, String list) {
        if (n.isObject() && n.has("list") && list.equals(n.get("list").asText())) {
            return true;
        }
        for (JsonNode child : n) {
            if (names(child, list)) {
                return true;
            }
        }
        return false;
    }
}
