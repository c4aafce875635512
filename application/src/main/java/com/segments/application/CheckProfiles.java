package com.segments.application;

import com.segments.application.transactions.TransactionProfiles;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.CustomerProfileStore.StoredProfile;
import com.segments.domain.transaction.TransactionStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes every customer's activity from the stored transactions, in their stored order, by the batch rules, and
 * compares it with the stored profile byte for byte: the proof, after a load test or a crash, that no update was lost
 * and no retry counted twice.
 */
public final class CheckProfiles {

    private static final int PAGE = 5_000;
    private static final int SHOWN = 10;

    private final CustomerProfileStore profiles;
    private final TransactionStore transactions;

    public CheckProfiles(CustomerProfileStore profiles, TransactionStore transactions) {
        this.profiles = profiles;
        this.transactions = transactions;
    }

    /**
     * @param profiles     stored profiles checked
     * @param agreeing     of those, how many equal the recomputation
     * @param disagreeing  the first few customers whose stored profile differs
     * @param notRealTime  customers with counted stored transactions but no profile (loaded by a batch ingest)
     */
    public record Result(long profiles, long agreeing, List<String> disagreeing, long notRealTime) {

        public boolean consistent() {
            return agreeing == profiles;
        }
    }

    public Result check() {
        Map<String, CustomerActivity> recomputed = TransactionProfiles.activities(TransactionProfiles.stored(transactions));
        byte[] empty = new CustomerActivity().toBytes();
        long checked = 0;
        long agreeing = 0;
        List<String> disagreeing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String after = "";
        for (List<StoredProfile> page = profiles.page(after, PAGE); !page.isEmpty(); page = profiles.page(after, PAGE)) {
            for (StoredProfile p : page) {
                checked++;
                seen.add(p.customer());
                CustomerActivity expected = recomputed.get(p.customer());
                if (Arrays.equals(p.activity().toBytes(), expected == null ? empty : expected.toBytes())) {
                    agreeing++;
                } else if (disagreeing.size() < SHOWN) {
                    disagreeing.add(p.customer());
                }
            }
            after = page.getLast().customer();
        }
        long notRealTime = recomputed.keySet().stream().filter(id -> !seen.contains(id)).count();
        return new Result(checked, agreeing, disagreeing, notRealTime);
    }
}
