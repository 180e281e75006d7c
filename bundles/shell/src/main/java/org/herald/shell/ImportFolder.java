package org.herald.shell;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one folder console commands read and write user-named files in (imports, exports, templates,
 * bounce files): {@code data/import/} of the distribution unless {@code import.folder} of PID
 * {@code org.herald.shell} names another. {@link HeraldAction#resolve(String)} resolves every file name
 * against it and refuses a path that leaves it.
 */
@ProviderType
public interface ImportFolder {

    /** The folder, absolute; it exists. */
    Path path();

    /** The default when no component gives the folder: {@code import} under Karaf's data folder. */
    static Path fallback() {
        String data = System.getProperty("karaf.data");
        return (data != null ? Path.of(data) : Path.of("data")).resolve("import").toAbsolutePath().normalize();
    }
}
