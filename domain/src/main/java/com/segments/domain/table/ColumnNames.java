package com.segments.domain.table;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column's name says about it before a single cell is read: an identifier, a group attribute (bank, branch,
 * country), or personal data that must never become a feature.
 */
public final class ColumnNames {

    private ColumnNames() {
    }

    private static final Pattern ID = Pattern.compile("(customer|cust|client|user|member|account)[ _-]?(id|no|number)");

    /** Named like an identifier: {@code id}, {@code *_id}, {@code CustomerID}, {@code client number}, ... */
    public static boolean looksLikeId(String column) {
        String lower = column.toLowerCase(Locale.ROOT).strip();
        return lower.equals("id") || lower.endsWith("_id") || lower.endsWith(" id") || lower.endsWith("-id")
                || ID.matcher(lower).matches() || lower.equals("customerid") || lower.equals("clientid");
    }

    private static final List<Pattern> GROUPS = List.of("bank", "branch", "country", "state", "city", "region",
            "location", "store", "zone", "area", "territory").stream()
            .map(word -> Pattern.compile("(.*[^a-z])?" + word + "([^a-z].*)?|" + word + "(_?(code|name|id))?")).toList();

    /** Named like a group attribute: carried along for reporting, never a feature. */
    public static boolean looksLikeGroup(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        return GROUPS.stream().anyMatch(p -> p.matcher(lower).matches());
    }

    private static final List<String> PERSONAL_WORDS = List.of("name", "address", "street", "phone", "mobile",
            "email", "e-mail", "pan_card", "pan card", "pancard", "adhar", "aadhar", "aadhaar", "card_no", "card_number",
            "card no", "ssn", "social_security", "passport", "kyc_number", "kyc_no", "crn", "demat_account_no",
            "account_no", "account_number", "iban", "zip", "postcode", "postal", "pin_code", "pincode",
            "date_of_birth", "birth_date", "birthdate", "dob", "ip_address");

    /** Personal data (names, contact, identity or card numbers, addresses) never becomes a feature. */
    public static boolean looksPersonal(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        return PERSONAL_WORDS.stream().anyMatch(lower::contains);
    }
}
