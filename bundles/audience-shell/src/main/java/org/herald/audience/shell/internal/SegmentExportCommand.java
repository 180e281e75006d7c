package org.herald.audience.shell.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;
import org.herald.shell.completers.PathCompleter;

@Service
@Command(scope = "herald", name = "segment-export", description = "Writes a segment's contacts as CSV to a file (or to the console with -)")
public class SegmentExportCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment")
    @Completion(SegmentCompleter.class)
    String name;

    @Argument(index = 1, name = "file", required = true, description = "The CSV file to write, or - for the console")
    @Completion(PathCompleter.class)
    String file;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (file.equals("-")) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            segments.exportCsv(name, w);
            w.flush();
            return;
        }
        Path path = resolve(file);
        long n;
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            n = segments.exportCsv(name, w);
        }
        out.println("Exported " + n + " contacts of segment '" + name + "' to " + path);
    }
}
