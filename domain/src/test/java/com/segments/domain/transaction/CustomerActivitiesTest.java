package com.segments.domain.transaction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flat activities agree with {@link CustomerActivity} to the last bit, including the state that does not fit in
 * a customer's run: more categories than kept inline, many lines on one date, invoices, months far apart.
 */
class CustomerActivitiesTest {

    @Test
    void everyValueEqualsCustomerActivitysBitForBit() {
        Random random = new Random(3);
        List<String> categories = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        CustomerActivities flat = new CustomerActivities();
        Map<Integer, CustomerActivity> objects = new LinkedHashMap<>();
        List<String[]> groups = List.of(new String[] {"x"}, new String[] {"y"});
        long day = 20_000;
        boolean overflowed = false;
        for (int r = 0; r < 5_000; r++) {
            day += random.nextInt(10) == 0 ? -random.nextInt(4000) : random.nextInt(2); // months far before too
            int customer = random.nextInt(20);
            int category = random.nextInt(categories.size());
            String invoice = customer % 2 == 0 ? null : "I" + random.nextInt(300);
            int group = random.nextInt(30) == 0 ? 1 : 0;
            long hash = random.nextInt(6); // few distinct lines: duplicates on a date
            double amount = Math.round(random.nextDouble() * 10_000) / 100.0 + 1e-9 * random.nextDouble();
            double items = random.nextInt(3);
            Transaction t = new Transaction("C" + customer, day, amount, items, categories.get(category), invoice,
                    groups.get(group), hash);
            boolean counted = objects.computeIfAbsent(customer, k -> new CustomerActivity()).accept(t);
            int index = flat.indexOf(customer);
            assertThat(flat.accept(index, day, amount, items, category, invoice, group, hash)).as("line " + r)
                    .isEqualTo(counted);
            overflowed |= objects.get(customer).categories().size() > 5;
        }
        assertThat(overflowed).isTrue();
        List<Integer> order = new ArrayList<>(objects.keySet());
        assertThat(flat.size()).isEqualTo(order.size());
        for (int i = 0; i < flat.size(); i++) {
            CustomerActivity a = objects.get(flat.code(i));
            assertThat(flat.code(i)).isEqualTo(order.get(i));
            assertThat(flat.visits(i)).isEqualTo(a.visits());
            assertThat(bits(flat.monetary(i))).isEqualTo(bits(a.monetary()));
            assertThat(bits(flat.averageTicket(i))).isEqualTo(bits(a.averageTicket()));
            assertThat(bits(flat.items(i))).isEqualTo(bits(a.items()));
            assertThat(flat.recencyDays(i, 30_000)).isEqualTo(a.recencyDays(30_000));
            assertThat(flat.tenureDays(i, 30_000)).isEqualTo(a.tenureDays(30_000));
            assertThat(flat.activeMonths(i)).isEqualTo(a.activeMonths());
            double[] expected = new double[3];
            a.spendInto(name -> categories.indexOf(name) % 3, expected);
            double[] actual = new double[3];
            flat.spendInto(i, code -> code % 3, actual);
            assertThat(actual).isEqualTo(expected);
            assertThat(bits(flat.share(i, actual[1]))).isEqualTo(bits(a.share(expected[1])));
            assertThat(groups.get(flat.groups(i))).containsExactlyElementsOf(a.groups());
            assertThat(flat.groupConflict(i)).isEqualTo(a.groupConflict());
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
