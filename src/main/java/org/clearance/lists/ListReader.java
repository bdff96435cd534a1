package org.clearance.lists;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one list format into the common model. A reader either returns every entry of the file or throws
 * {@link ListFormatException} naming the line/record that broke — never a partial result.
 */
public interface ListReader {

    ListFormat format();

    /**
     * Reads the list at {@code path}: a file, or for multi-file formats (OFAC CSV) the directory holding them.
     *
     * @throws ListFormatException if the content does not follow the format
     * @throws IOException         if the file cannot be read
     */
    ListSnapshot read(Path path) throws IOException;
}
