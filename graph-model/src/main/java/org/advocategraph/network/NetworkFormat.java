package org.advocategraph.network;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The network file formats Gephi, Cytoscape and networkx read, and how to write each. */
public enum NetworkFormat {
    /** GraphML (http://graphml.graphdrawing.org/). */
    GRAPHML("application/graphml+xml", ".graphml"),
    /** GEXF 1.3 (https://gexf.net), Gephi's own, with node colours and sizes. */
    GEXF("application/gexf+xml", ".gexf");

    private final String mediaType;
    private final String extension;

    NetworkFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** @return the lower-case name used in requests and options */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return its media type */
    public String mediaType() {
        return mediaType;
    }

    /** @return its file name extension, with the dot */
    public String extension() {
        return extension;
    }

    /**
     * @param out         where to write; flushed by {@link NetworkWriter#end}, never closed by the writer
     * @param attributes  the node and edge attributes, in the order their values are written
     * @param description a line describing the network, where the format has a place for it
     * @param visual      true when nodes carry a colour and size ({@link NetworkWriter.Visual})
     * @return a writer of this format
     */
    public NetworkWriter writer(OutputStream out, List<NetworkAttribute> attributes, String description, boolean visual) {
        return switch (this) {
            case GRAPHML -> new GraphMlWriter(out, attributes, visual);
            case GEXF -> new GexfWriter(out, attributes, description, visual);
        };
    }
}
