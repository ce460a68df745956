package org.advocategraph.tools.connect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.advocategraph.tools.connect.StackExchangeDump.Answer;
import org.advocategraph.tools.connect.StackExchangeDump.Comment;
import org.advocategraph.tools.format.FormatException;

/**
 * Converts a Stack Exchange data dump (the XML files of one site, schema at
 * <a href="https://meta.stackexchange.com/q/2677">meta.stackexchange.com/q/2677</a>) into a folder of import
 * files: {@link StackExchangeDump} reads it, {@link StackExchangeGraph} maps it to our model (documented there),
 * and {@link ImportFolderWriter} writes the result.
 *
 * <h2>Cut and skipped records</h2>
 * With {@code until}, every post, comment, user and link whose {@code CreationDate} is not before it is ignored,
 * so that an evaluation can cut history at a split point; the graph is then a {@linkplain StackExchangeGraph cut
 * graph}: no Score term in expertise, no reputations, and an answer counts as accepted only if it was itself
 * created before the cut. {@code PostTypeId} other than 1 and 2 (tag wikis, ...) are ignored. Posts and comments
 * without an owner keep their content but make no person links and are counted as skipped, as are answers and
 * comments whose post is not converted. {@code PostLinks.xml} is read and checked, but the model has no
 * conversation-to-conversation relationship, so links are only counted.
 *
 * <p>Time and memory are linear in the size of the dump.
 */
public final class StackExchangeConverter {
    private final Instant until;

    /** @param until ignore everything created at or after this instant; null: no cut */
    public StackExchangeConverter(Instant until) {
        this.until = until;
    }

    /**
     * @param dumpDir the folder holding {@code Posts.xml} (or {@code Posts.xml.gz}) and the optional files
     * @param outDir  where to write the import files; created when missing, files of the same names replaced
     * @return rows written per file, skipped records and warnings
     * @throws FormatException naming the file and line of the first problem in the input
     */
    public ConversionSummary convert(Path dumpDir, Path outDir) {
        StackExchangeDump dump = StackExchangeDump.read(dumpDir, until);
        StackExchangeGraph graph = new StackExchangeGraph(dump, until != null);
        graph.addAll(dump.questions());
        // In id order, so that expertise evidence is summed in the same order on every run.
        graph.addAll(dump.answers().stream().sorted(Comparator.comparingLong(Answer::id)).toList());
        graph.addAll(dump.comments());
        Warnings warnings = dump.warnings();
        String why = until == null ? "is not in the dump" : "is not in the dump before " + until;
        for (Answer a : graph.unattachedAnswers()) {
            warnings.skip("orphan-answer", a.file() + ":" + a.line() + ": answer " + a.id() + ": its question "
                    + a.questionId() + " " + why + "; answer skipped");
        }
        List<Comment> orphans = graph.unattachedComments();
        for (Comment c : orphans) {
            warnings.skip("orphan-comment", c.file() + ":" + c.line() + ": comment " + c.id() + " is on post "
                    + c.postId() + ", which is not a converted question or answer; comment skipped");
        }
        try (ImportFolderWriter out = ImportFolderWriter.open(outDir)) {
            graph.forEach(out::write);
            out.commit();
            return new ConversionSummary(out.rowsPerFile(), warnings.skipped(), warnings.lines());
        }
    }
}
