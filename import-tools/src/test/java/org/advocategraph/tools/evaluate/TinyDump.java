package org.advocategraph.tools.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hand-written dump of ten questions whose routing figures are worked out by hand in the tests.
 *
 * <p>Train (q1..q8, the first 80%), answers as {@code answer id: answerer}, {@code *} accepted:
 * <pre>
 * q1 Jan 1, asker 1, [a]: 11: u2 *, 12: u3       q5 Jan 5, asker 6, [b]: 51: u4 (u6 comments on it)
 * q2 Jan 2, asker 1, [a]: 21: u2,   22: u4       q6 Jan 6, asker 2, [a]: 61: u3
 * q3 Jan 3, asker 5, [b]: 31: u3 *, 32: u4       q7 Jan 7, asker 7, [a]: 71: u9
 * q4 Jan 4, asker 5, [b]: 41: u4                 q8 Jan 8, asker 1, [b]: no answer
 * </pre>
 * Test: q9 Jan 10 10:00, asked by u2 (the strongest in a), [a]: 91: u3 * (11:00), 92: u8 (12:00, u8's first
 * answer); q10 Jan 12 10:00, asked by u1, [a, b]: 101: u8 * (11:00), 102: u4 (12:00).
 *
 * <p>Answers before the split (Jan 10 10:00), overall: u2 2, u3 3, u4 4, u9 1; in a: u2 2, u3 2, u4 1, u9 1;
 * in b: u3 1, u4 3. Before q10 (online) also u3 and u8 one more each, in a.
 */
final class TinyDump {
    static final String POSTS = """
            <?xml version="1.0" encoding="utf-8"?>
            <posts>
              <row Id="1" PostTypeId="1" AcceptedAnswerId="11" CreationDate="2020-01-01T10:00:00.000" OwnerUserId="1" Title="q1" Tags="&lt;a&gt;" />
              <row Id="11" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" Score="9" OwnerUserId="2" />
              <row Id="12" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T12:00:00.000" Score="0" OwnerUserId="3" />
              <row Id="2" PostTypeId="1" CreationDate="2020-01-02T10:00:00.000" OwnerUserId="1" Title="q2" Tags="&lt;a&gt;" />
              <row Id="21" PostTypeId="2" ParentId="2" CreationDate="2020-01-02T11:00:00.000" Score="0" OwnerUserId="2" />
              <row Id="22" PostTypeId="2" ParentId="2" CreationDate="2020-01-02T12:00:00.000" Score="0" OwnerUserId="4" />
              <row Id="3" PostTypeId="1" AcceptedAnswerId="31" CreationDate="2020-01-03T10:00:00.000" OwnerUserId="5" Title="q3" Tags="&lt;b&gt;" />
              <row Id="31" PostTypeId="2" ParentId="3" CreationDate="2020-01-03T11:00:00.000" Score="0" OwnerUserId="3" />
              <row Id="32" PostTypeId="2" ParentId="3" CreationDate="2020-01-03T12:00:00.000" Score="0" OwnerUserId="4" />
              <row Id="4" PostTypeId="1" CreationDate="2020-01-04T10:00:00.000" OwnerUserId="5" Title="q4" Tags="&lt;b&gt;" />
              <row Id="41" PostTypeId="2" ParentId="4" CreationDate="2020-01-04T11:00:00.000" Score="0" OwnerUserId="4" />
              <row Id="5" PostTypeId="1" CreationDate="2020-01-05T10:00:00.000" OwnerUserId="6" Title="q5" Tags="&lt;b&gt;" />
              <row Id="51" PostTypeId="2" ParentId="5" CreationDate="2020-01-05T11:00:00.000" Score="0" OwnerUserId="4" />
              <row Id="6" PostTypeId="1" CreationDate="2020-01-06T10:00:00.000" OwnerUserId="2" Title="q6" Tags="&lt;a&gt;" />
              <row Id="61" PostTypeId="2" ParentId="6" CreationDate="2020-01-06T11:00:00.000" Score="0" OwnerUserId="3" />
              <row Id="7" PostTypeId="1" CreationDate="2020-01-07T10:00:00.000" OwnerUserId="7" Title="q7" Tags="&lt;a&gt;" />
              <row Id="71" PostTypeId="2" ParentId="7" CreationDate="2020-01-07T11:00:00.000" Score="0" OwnerUserId="9" />
              <row Id="8" PostTypeId="1" CreationDate="2020-01-08T10:00:00.000" OwnerUserId="1" Title="q8" Tags="&lt;b&gt;" />
              <row Id="9" PostTypeId="1" AcceptedAnswerId="91" CreationDate="2020-01-10T10:00:00.000" OwnerUserId="2" Title="q9" Tags="&lt;a&gt;" />
              <row Id="91" PostTypeId="2" ParentId="9" CreationDate="2020-01-10T11:00:00.000" Score="0" OwnerUserId="3" />
              <row Id="92" PostTypeId="2" ParentId="9" CreationDate="2020-01-10T12:00:00.000" Score="0" OwnerUserId="8" />
              <row Id="10" PostTypeId="1" AcceptedAnswerId="101" CreationDate="2020-01-12T10:00:00.000" OwnerUserId="1" Title="q10" Tags="&lt;a&gt;&lt;b&gt;" />
              <row Id="101" PostTypeId="2" ParentId="10" CreationDate="2020-01-12T11:00:00.000" Score="0" OwnerUserId="8" />
              <row Id="102" PostTypeId="2" ParentId="10" CreationDate="2020-01-12T12:00:00.000" Score="0" OwnerUserId="4" />
            </posts>
            """;

    static final String COMMENTS = """
            <?xml version="1.0" encoding="utf-8"?>
            <comments>
              <row Id="1" PostId="51" Score="0" Text="thanks" CreationDate="2020-01-05T12:00:00.000" UserId="6" />
            </comments>
            """;

    private TinyDump() {
    }

    /** Writes the dump into {@code dir/tiny} and returns that folder. */
    static Path write(Path dir) throws IOException {
        Path tiny = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(tiny.resolve("Posts.xml"), POSTS);
        Files.writeString(tiny.resolve("Comments.xml"), COMMENTS);
        return tiny;
    }
}
