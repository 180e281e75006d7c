package org.herald.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.herald.shell.ImportFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The console's import folder from PID {@code org.herald.shell}; created when the component starts. */
@Component(service = ImportFolder.class, configurationPid = "org.herald.shell")
@Designate(ocd = ImportFolderComponent.Config.class)
public class ImportFolderComponent implements ImportFolder {

    @ObjectClassDefinition(name = "Herald console", description = "Files the console reads and writes")
    public @interface Config {
        @AttributeDefinition(description = "The folder console commands read and write files in; relative names start "
                + "there and a path outside it is refused. Empty: data/import of the distribution.")
        String import_folder() default "";
    }

    private final Path path;

    @Activate
    public ImportFolderComponent(Config config) throws IOException {
        String configured = config.import_folder() == null ? "" : config.import_folder().strip();
        Path folder = configured.isEmpty() ? ImportFolder.fallback() : Path.of(configured);
        this.path = Files.createDirectories(folder.toAbsolutePath().normalize());
    }

    @Override
    public Path path() {
        return path;
    }
}
