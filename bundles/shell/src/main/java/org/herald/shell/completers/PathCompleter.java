package org.herald.shell.completers;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

/**
 * Completes file names from the shell's working directory. Registered by this bundle so that
 * {@code @Completion(PathCompleter.class)} finds it in the bundle's command registry.
 */
@Service
public class PathCompleter extends FileCompleter {
}
