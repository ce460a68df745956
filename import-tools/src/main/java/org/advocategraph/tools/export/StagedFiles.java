package org.advocategraph.tools.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files written under a temporary name beside their target and moved into place together by {@link #commit}, so
 * that an export that fails leaves the files of an earlier export as they were rather than half of a new one.
 * Closing without committing deletes the temporary files.
 */
final class StagedFiles implements AutoCloseable {
    /** target -> temporary file, in creation order. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private boolean committed;

    /**
     * @param target the file to write in the end
     * @return the temporary file to write now, in the same folder (so that the move is a rename)
     */
    Path stage(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            staged.put(target, temp);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + dir, e);
        }
    }

    /** Moves every temporary file onto its target, replacing what was there. */
    void commit() {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException io) {
                throw new UncheckedIOException("cannot move the export into " + e.getKey(), io);
            }
        }
        committed = true;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path temp : staged.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The export already failed and says why; a leftover hidden .part file is the lesser problem.
            }
        }
    }
}
