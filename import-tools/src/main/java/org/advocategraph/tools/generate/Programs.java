package org.advocategraph.tools.generate;

import java.time.Instant;
import java.util.SplittableRandom;

import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.tools.format.ImportFile;

/**
 * The advocacy programs (3..6, always Care Voices, Product Ninjas and Talent Ambassadors first) and their
 * members: active, opted-in employees who hold the program's certification (for Product Ninjas: engineers and
 * product people allowed to speak for the product), 85% of whom joined (50% for Product Ninjas), at some time
 * in the two years before the reference instant.
 */
final class Programs {
    private Programs() {
    }

    static void write(Sinks sinks, Population pop, Workforce workforce, Instant reference, SplittableRandom rng) {
        int count = 3 + rng.nextInt(Vocabulary.PROGRAM_NAMES.length - 2);
        String[] ids = new String[count];
        for (int k = 0; k < count; k++) {
            ids[k] = Ids.of('p', k, 3);
            sinks.write(ImportFile.PROGRAMS, new Program(ids[k], Vocabulary.PROGRAM_NAMES[k], Vocabulary.PROGRAM_PURPOSES[k]));
        }
        long twoYears = 730L * 86_400;
        for (int i = 0; i < pop.employees; i++) {
            if (!workforce.eligible(i)) {
                continue;
            }
            for (int k = 0; k < count; k++) {
                int cert = Vocabulary.PROGRAM_CERTIFICATION[k];
                boolean fits;
                double joins;
                if (cert >= 0) {
                    fits = (workforce.certifications[i] & (1 << cert)) != 0;
                    joins = 0.85;
                } else {
                    int d = pop.department[i];
                    fits = (d == Vocabulary.ENGINEERING || d == Vocabulary.PRODUCT_DEPT) && workforce.allows(i, Purpose.PRODUCT);
                    joins = 0.5;
                }
                if (fits && Sampling.chance(rng, joins)) {
                    Instant since = reference.minusSeconds(1 + (long) (rng.nextDouble() * twoYears));
                    sinks.write(ImportFile.MEMBERSHIPS, new Membership(pop.personIds[i], ids[k], since));
                }
            }
        }
    }
}
