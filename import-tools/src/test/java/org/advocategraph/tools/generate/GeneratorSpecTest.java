package org.advocategraph.tools.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeneratorSpecTest {

    @Test
    void shouldUseThirtyPercentEmployeesAndMeanDegreeTenByDefault() {
        // Given / When
        GeneratorSpec spec = GeneratorSpec.of(7, 1000);

        // Then
        assertEquals(new GeneratorSpec(7, 1000, 0.3, 10), spec);
        assertEquals(300, spec.employees());
        assertEquals(700, spec.customers());
    }

    @Test
    void shouldRejectPeopleOutsideTheSupportedRange() {
        // Given / When
        var tooFew = assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.of(1, 9));
        var tooMany = assertThrows(IllegalArgumentException.class, () -> GeneratorSpec.of(1, 2_000_001));

        // Then
        assertTrue(tooFew.getMessage().startsWith("people: must be in 10..2000000, was 9"), tooFew.getMessage());
        assertTrue(tooMany.getMessage().contains("was 2000001"), tooMany.getMessage());
    }

    @Test
    void shouldRejectAnEmployeeShareOfZeroOneOrNaN() {
        // Given / When / Then
        for (double share : new double[] {0, 1, -0.1, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(1, 100, share, 10));
            assertTrue(e.getMessage().startsWith("employeeShare:"), e.getMessage());
        }
    }

    @Test
    void shouldRejectAMeanDegreeOutsideOneToTwoHundred() {
        // Given / When / Then
        for (double degree : new double[] {0.5, 200.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new GeneratorSpec(1, 100, 0.3, degree));
            assertTrue(e.getMessage().startsWith("meanDegree:"), e.getMessage());
        }
    }

    @Test
    void shouldKeepAtLeastOneEmployeeAndOneCustomer() {
        // Given
        GeneratorSpec fewEmployees = new GeneratorSpec(1, 10, 0.001, 1);
        GeneratorSpec fewCustomers = new GeneratorSpec(1, 10, 0.999, 1);

        // When / Then
        assertEquals(1, fewEmployees.employees());
        assertEquals(9, fewCustomers.employees());
        assertEquals(1, fewCustomers.customers());
    }
}
