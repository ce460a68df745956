package org.advocategraph.tools.generate;

import java.util.SplittableRandom;

/** Display names and social handles from the per-region name lists. */
final class Names {
    private Names() {
    }

    /**
     * @param region region index
     * @param kanji  write the name in Japanese script (family name first)
     * @return a display name
     */
    static String person(SplittableRandom rng, int region, boolean kanji) {
        if (kanji) {
            return Vocabulary.FAMILY_NAMES_KANJI[rng.nextInt(Vocabulary.FAMILY_NAMES_KANJI.length)] + " "
                    + Vocabulary.GIVEN_NAMES_KANJI[rng.nextInt(Vocabulary.GIVEN_NAMES_KANJI.length)];
        }
        String[] first = Vocabulary.FIRST_NAMES[region];
        String[] last = Vocabulary.LAST_NAMES[region];
        return first[rng.nextInt(first.length)] + " " + last[rng.nextInt(last.length)];
    }

    /** @return a handle such as {@code @ana.silva42}, made of ASCII letters, digits, dots and underscores */
    static String handle(SplittableRandom rng, int region) {
        String[] first = Vocabulary.FIRST_SLUGS[region];
        String[] last = Vocabulary.LAST_SLUGS[region];
        String f = first[rng.nextInt(first.length)];
        String l = last[rng.nextInt(last.length)];
        int style = rng.nextInt(4);
        String base = switch (style) {
            case 0 -> f + "." + l;
            case 1 -> f + "_" + l;
            case 2 -> f.charAt(0) + l;
            default -> f + l.charAt(0);
        };
        return "@" + base + rng.nextInt(1000);
    }
}
