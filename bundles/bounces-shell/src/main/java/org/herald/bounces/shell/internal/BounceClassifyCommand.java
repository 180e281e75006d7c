package org.herald.bounces.shell.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceRecord;
import org.herald.shell.HeraldAction;
import org.herald.shell.Json;

/**
 * {@code herald:bounce-classify FILE-OR-DIRECTORY [--json]}: what each message says about each
 * recipient. A directory is read file by file in name order (regular files only, not recursive).
 */
@Service
@Command(scope = "herald", name = "bounce-classify",
        description = "Classifies bounces, complaints and auto-replies (.eml files) per recipient")
public class BounceClassifyCommand extends HeraldAction {

    // optional: the shell bundle's other commands must not wait for the bounces bundle
    @Reference(optional = true)
    BounceClassifier classifier;

    @Argument(index = 0, name = "file-or-directory", required = true,
            description = "A message file (raw RFC 5322, e.g. .eml), or a directory of them")
    @Completion(FileCompleter.class)
    String path;

    @Option(name = "--json", description = "One JSON object per line per recipient instead of a table;"
            + " a message without records prints nothing")
    boolean json;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (classifier == null) {
            throw error("the bounce classifier is not running: check that bundle org.herald.bounces is active"
                    + " (bundle:list | grep -i bounces)");
        }
        Path target = resolve(path);
        List<Path> files = files(target);
        ShellTable table = json ? null : table();
        for (Path f : files) {
            String name = Files.isDirectory(target) ? f.getFileName().toString() : f.toString();
            List<BounceRecord> records = classifier.classify(read(f, classifier.maxMessageBytes()));
            for (BounceRecord r : records) {
                if (json) {
                    out.println(jsonLine(name, r));
                } else {
                    addRow(table, name, r);
                }
            }
            if (!json && records.isEmpty()) {
                table.addRow().addContent(name, "", "", "", "", "(none: ordinary mail)", "");
            }
        }
        if (!json) {
            table.print(out);
        }
    }

    /** The files to read: the file itself, or a directory's regular files in name order. */
    static List<Path> files(Path target) throws IOException {
        if (!Files.exists(target)) {
            throw new NoSuchFileException(target.toString());
        }
        if (!Files.isDirectory(target)) {
            return List.of(target);
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(target)) {
            s.filter(Files::isRegularFile).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .forEach(out::add);
        }
        return out;
    }

    /**
     * The file's bytes, but at most {@code max} + 1 of them: the classifier answers a message over its
     * configured limit (PID org.herald.bounces, maxMessageBytes) with UNKNOWN and the reason, so more
     * is never read into memory.
     */
    static byte[] read(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        }
    }

    static ShellTable table() {
        ShellTable table = new ShellTable();
        table.column("File");
        table.column("Recipient");
        table.column("Status");
        table.column("Code").alignRight();
        table.column("Reason");
        table.column("Class");
        table.column("Diagnostic / note").maxSize(60);
        table.emptyTableText("No messages.");
        return table;
    }

    static void addRow(ShellTable table, String file, BounceRecord r) {
        table.addRow().addContent(file, nz(r.recipient()), nz(r.status()),
                r.replyCode() == null ? "" : r.replyCode(), r.reason() == null ? "" : r.reason().key(),
                r.bounceClass().name(), nz(r.note() != null ? r.note() : r.diagnostic()));
    }

    /**
     * One record as a one-line JSON object: {@code file}, then the keys of the REST API's bounce
     * records ({@code recipient, status, replycode, reason, class} always present, the rest when known).
     */
    static String jsonLine(String file, BounceRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("recipient", r.recipient());
        m.put("status", r.status());
        m.put("replycode", r.replyCode());
        m.put("reason", r.reason() == null ? null : r.reason().key());
        m.put("class", r.bounceClass().name());
        putIf(m, "diagnostic", r.diagnostic());
        putIf(m, "feedbackType", r.feedbackType());
        putIf(m, "originalMessageId", r.originalMessageId());
        putIf(m, "originalRecipient", r.originalRecipient());
        putIf(m, "note", r.note());
        // a map keeps its null entries: recipient, status, replycode, reason and class are always present
        return Json.line(m);
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
