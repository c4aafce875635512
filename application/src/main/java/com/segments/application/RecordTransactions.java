package com.segments.application;

import com.segments.application.transactions.ProfileLayout;
import com.segments.application.transactions.TransactionProfiles;
import com.segments.domain.SegmentsException;
import com.segments.domain.cluster.Assignment;
import com.segments.domain.feature.FieldValidationException;
import com.segments.domain.feature.NumberText;
import com.segments.domain.model.ModelVersion;
import com.segments.domain.profile.SegmentLabel;
import com.segments.domain.transaction.CustomerActivity;
import com.segments.domain.transaction.CustomerProfileStore;
import com.segments.domain.transaction.CustomerProfileStore.Outcome;
import com.segments.domain.transaction.CustomerProfileStore.Recorded;
import com.segments.domain.transaction.CustomerProfileStore.StoredProfile;
import com.segments.domain.transaction.SegmentMove;
import com.segments.domain.transaction.Transaction;

import com.segments.domain.table.RecordStreams;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps each customer's profile and segment current as transactions arrive (issue 16): a transaction is checked,
 * stored once per transaction id, counted into the customer's stored {@link CustomerActivity} by the rules batch
 * aggregation applies, and the customer is scored with the active model, in one database transaction. Also answers
 * a customer's current profile and the history of segment moves.
 *
 * <p>Every door reads a transaction through {@link #read}: one parser, so the REST body, NDJSON, CSV and the CLI's
 * {@code ingest --follow} accept the same spellings and refuse the same mistakes.
 */
public final class RecordTransactions {

    /** The fields of a transaction, in the order a CSV body or file lists them. */
    public static final List<String> FIELDS = List.of("transaction_id", "customer_id", "date", "amount", "items",
            "category", "invoice", "bank", "location");

    private static final int ID_LENGTH = 128;
    private static final int TEXT_LENGTH = 128;
    private static final int GROUP_LENGTH = 256;

    private final CustomerProfileStore store;
    private final ModelLookup lookup;
    private final SegmentNames names;
    private final Clock clock;
    private final RecordStreams streams;

    public RecordTransactions(CustomerProfileStore store, ModelLookup lookup, SegmentNames names, Clock clock,
                              RecordStreams streams) {
        this.store = store;
        this.lookup = lookup;
        this.names = names;
        this.clock = clock;
        this.streams = streams;
    }

    /**
     * One transaction, checked.
     *
     * @param items    the quantity (0 when not given)
     * @param category the spend category, or null
     * @param invoice  the invoice number, or null (one starting with C is a cancellation)
     * @param bank     the group attributes, or null
     */
    public record Command(String transactionId, String customer, LocalDate date, double amount, double items,
                         String category, String invoice, String bank, String location) {

        public Command {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(customer, "customer");
            Objects.requireNonNull(date, "date");
        }

        /** The transaction as batch aggregation sees it; its line hash includes the id, as a log's line would. */
        Transaction transaction() {
            String[] groups = {bank == null ? "" : bank, location == null ? "" : location};
            String line = String.join("\u001f", transactionId, customer, date.toString(), Double.toString(amount),
                    Double.toString(items), String.valueOf(category), String.valueOf(invoice), groups[0], groups[1]);
            long hash = 0xcbf29ce484222325L; // FNV-1a, 64 bits
            for (byte b : line.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            return new Transaction(customer, date.toEpochDay(), amount, items, category, invoice, groups, hash);
        }
    }

    /**
     * Reads one transaction from its fields by name (JSON values, or text from a CSV cell).
     *
     * @throws FieldValidationException naming the unknown, missing or bad field and what is wrong with it
     */
    public static Command read(Map<String, ?> fields) {
        for (String name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                throw FieldValidationException.whole(name, "unknown field '" + name + "'; a transaction has " + FIELDS);
            }
        }
        String id = text(fields, "transaction_id", ID_LENGTH, true);
        String customer = text(fields, "customer_id", ID_LENGTH, true);
        Object dateValue = fields.get("date");
        if (dateValue == null || dateValue.toString().isBlank()) {
            throw new FieldValidationException("date", "is missing (a date like 2026-03-01)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateValue.toString().strip());
        } catch (DateTimeParseException e) {
            throw new FieldValidationException("date", quote(dateValue) + " is not a date like 2026-03-01");
        }
        double amount = number(fields, "amount", true);
        double items = number(fields, "items", false);
        return new Command(id, customer, date, amount, Double.isNaN(items) ? 0 : items,
                text(fields, "category", TEXT_LENGTH, false), text(fields, "invoice", TEXT_LENGTH, false),
                text(fields, "bank", GROUP_LENGTH, false), text(fields, "location", GROUP_LENGTH, false));
    }

    private static String text(Map<String, ?> fields, String name, int max, boolean required) {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new FieldValidationException(name, "is missing");
            }
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new FieldValidationException(name, "must be text, not " + quote(value));
        }
        String text = value.toString().strip();
        if (text.length() > max) {
            throw new FieldValidationException(name, "is " + text.length() + " characters long; at most " + max);
        }
        return text;
    }

    private static double number(Map<String, ?> fields, String name, boolean required) {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new FieldValidationException(name, "is missing");
            }
            return Double.NaN;
        }
        double number = value instanceof Number n ? n.doubleValue()
                : value instanceof String s ? NumberText.parse(s) : Double.NaN;
        if (!Double.isFinite(number)) {
            throw new FieldValidationException(name, quote(value) + " is not a number");
        }
        return number;
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }

    /**
     * What recording one transaction gave.
     *
     * @param duplicate true when this transaction id had been recorded before (it counted then, not now)
     * @param excluded  why the transaction does not count (a refund, ...), or null
     * @param segment   the customer's segment now (null: no transaction of theirs counts yet)
     * @param changed   whether this transaction changed the segment; {@code previous} is the one before
     * @param asOf      the day recency and tenure were counted to
     */
    public record Answer(String transactionId, String customer, boolean duplicate, String excluded, Integer segment,
                         String name, List<String> offers, Integer version, boolean changed, Integer previous,
                         String previousName, LocalDate asOf) {
    }

    /**
     * Records transactions given as fields by name. All are read and the active model is checked first: a bad
     * field, or an active model that does not read transaction profiles, stores nothing. Each is then recorded in
     * its own database transaction, in the order given.
     *
     * @throws FieldValidationException naming the position and field ({@code [3].amount}) of the first bad one
     */
    public List<Answer> record(List<? extends Map<String, ?>> transactions) {
        List<Command> commands = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            try {
                commands.add(read(transactions.get(i)));
            } catch (FieldValidationException e) {
                throw FieldValidationException.whole("[" + i + "]." + e.field(), "transaction " + i + ": " + e.getMessage());
            }
        }
        return recordAll(commands);
    }

    /** Records commands already read; checks the active model first. */
    public List<Answer> recordAll(List<Command> commands) {
        ModelVersion model = lookup.resolve(ModelReference.ACTIVE);
        ProfileLayout layout = layout(model);
        List<Answer> answers = new ArrayList<>(commands.size());
        for (Command command : commands) {
            answers.add(record(command, model, layout));
        }
        return answers;
    }

    /**
     * Records the transactions of a CSV body (a header naming {@link #FIELDS}, then one transaction per row): every
     * row is read first, so a bad row stores nothing.
     *
     * @param max at most this many rows
     * @throws FieldValidationException naming the line and field of the first bad row
     */
    public List<Answer> recordCsv(InputStream csv, String name, char delimiter, int max) {
        List<Command> commands = new ArrayList<>();
        streams.read(csv, name, delimiter, (line, cells) -> {
            if (commands.size() == max) {
                throw new SegmentsException(name + ": more than " + max + " transactions; send them in several parts");
            }
            commands.add(readLine(name, line, cells));
        });
        return recordAll(commands);
    }

    /**
     * Records transactions one at a time as they arrive (a file, standard input), each answered as soon as it is
     * recorded, each with the version active when it is recorded (a long-followed stream moves to a newly activated
     * version). The active model is checked before the first; a bad row stops the stream, naming its line (the rows
     * before it are recorded: sending the same stream again is harmless, their ids count once).
     *
     * @return the number of transactions recorded
     */
    public long follow(InputStream in, String name, char delimiter, Consumer<Answer> answers) {
        ModelVersion first = lookup.resolve(ModelReference.ACTIVE);
        Scoring[] scoring = {new Scoring(first, layout(first))};
        return streams.read(in, name, delimiter, (line, cells) -> {
            Command command = readLine(name, line, cells);
            ModelVersion model = lookup.resolve(ModelReference.ACTIVE);
            if (model.version() != scoring[0].model().version()) {
                scoring[0] = new Scoring(model, layout(model));
            }
            answers.accept(record(command, model, scoring[0].layout()));
        });
    }

    /** The model a followed stream scores with, and its profile layout; replaced when another version is active. */
    private record Scoring(ModelVersion model, ProfileLayout layout) {
    }

    private static Command readLine(String name, long line, Map<String, String> cells) {
        try {
            return read(cells);
        } catch (FieldValidationException e) {
            throw FieldValidationException.whole(e.field(), name + ": line " + line + ": " + e.getMessage());
        }
    }

    /** The profile columns the model reads; refuses a model trained on anything else. */
    static ProfileLayout layout(ModelVersion model) {
        try {
            return ProfileLayout.of(model.model().schema(), CustomerProfileStore.GROUPS);
        } catch (IllegalArgumentException e) {
            throw new SegmentsException("the active model (version " + model.version() + ") was not trained on "
                    + "transaction profiles, so it cannot score a customer from transactions: " + e.getMessage()
                    + "; train one with --transactions or --stored-transactions and activate it");
        }
    }

    private Answer record(Command command, ModelVersion model, ProfileLayout layout) {
        Transaction transaction = command.transaction();
        String[] excluded = {null};
        Recorded recorded = store.record(command.transactionId(), transaction, "api", clock.instant(), (before, latest) -> {
            CustomerActivity activity = before.activity();
            CustomerActivity.Exclusion exclusion = activity.add(transaction);
            excluded[0] = exclusion == null ? null : exclusion.reason();
            if (!activity.counted()) {
                return new Outcome(activity, null, null, null);
            }
            return score(model, layout, activity, latest);
        });
        StoredProfile after = recorded.after();
        Optional<SegmentLabel> label = label(after.version(), after.segment());
        Optional<SegmentLabel> previous = recorded.changed() ? label(after.version(), recorded.previous())
                : Optional.empty();
        return new Answer(command.transactionId(), command.customer(), recorded.duplicate(), excluded[0],
                after.segment(), label.map(SegmentLabel::name).orElse(null),
                label.map(SegmentLabel::offers).orElse(List.of()), after.version(), recorded.changed(),
                recorded.previous(), previous.map(SegmentLabel::name).orElse(null), after.asOf());
    }

    /** The segment a model gives an activity, recency counted to {@code asOf}. */
    static Outcome score(ModelVersion model, ProfileLayout layout, CustomerActivity activity, LocalDate asOf) {
        double[] raw = model.model().schema().toRawVector(layout.values(activity, asOf.toEpochDay()));
        Assignment assignment = model.model().assignInPlace(raw);
        return new Outcome(activity, assignment.segment(), model.version(), asOf);
    }

    private Optional<SegmentLabel> label(Integer version, Integer segment) {
        return version == null || segment == null ? Optional.empty() : names.label(version, segment);
    }

    // ---------------------------------------------------------------- reading

    /**
     * A customer as stored: the profile now (recency to {@code asOf}, the latest stored transaction day), the
     * segment last given and when.
     *
     * @param profile      the profile's columns (spend and share for each category the customer spent in)
     * @param segmentAsOf  the day recency was counted to when the segment was given
     * @param changedAt    when the segment last changed
     */
    public record Customer(String customer, LocalDate asOf, Map<String, Object> profile, Integer segment, String name,
                           List<String> offers, Integer version, LocalDate segmentAsOf, Instant changedAt,
                           Instant updatedAt) {
    }

    /** @throws SegmentsException when the customer has no stored profile */
    public Customer customer(String id) {
        StoredProfile stored = store.find(id).orElseThrow(() -> new UnknownCustomerException(id));
        CustomerActivity activity = stored.activity();
        if (!activity.counted()) {
            throw new UnknownCustomerException(id);
        }
        List<String> columns = new ArrayList<>(ProfileLayout.FIXED);
        for (String prefix : List.of("spend_", "share_")) {
            for (String category : activity.categories()) {
                String column = prefix + TransactionProfiles.columnName(category);
                if (!columns.contains(column)) {
                    columns.add(column);
                }
            }
        }
        columns.addAll(CustomerProfileStore.GROUPS);
        LocalDate asOf = store.latestDay().orElse(LocalDate.ofEpochDay(activity.lastDay()));
        Map<String, Object> profile = ProfileLayout.of(columns, CustomerProfileStore.GROUPS)
                .values(activity, asOf.toEpochDay());
        Optional<SegmentLabel> label = label(stored.version(), stored.segment());
        return new Customer(id, asOf, profile, stored.segment(), label.map(SegmentLabel::name).orElse(null),
                label.map(SegmentLabel::offers).orElse(List.of()), stored.version(), stored.asOf(), stored.changedAt(),
                stored.updatedAt());
    }

    /** A customer with no counted transaction. */
    public static final class UnknownCustomerException extends SegmentsException {
        UnknownCustomerException(String id) {
            super("customer '" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' has no counted transaction");
        }
    }

    /** A recorded move, with the names its segments had in its version. */
    public record Move(String customer, Integer from, String fromName, int to, String toName, int version, Instant at,
                       String cause) {
    }

    /**
     * Moves recorded since a time, oldest first.
     *
     * @param to a segment id, or its name in the active model (case does not matter), or null for any
     * @throws SegmentsException when {@code to} names no segment of the active model
     */
    public List<Move> moves(Instant since, String to, int limit) {
        Integer segment = to == null || to.isBlank() ? null : segmentOf(to.strip());
        List<Move> moves = new ArrayList<>();
        for (SegmentMove m : store.moves(since, segment, limit)) {
            moves.add(new Move(m.customer(), m.from(), label(m.version(), m.from()).map(SegmentLabel::name).orElse(null),
                    m.to(), label(m.version(), m.to()).map(SegmentLabel::name).orElse(null), m.version(), m.at(),
                    m.cause().word()));
        }
        return moves;
    }

    private Integer segmentOf(String to) {
        if (to.matches("-?\\d{1,9}")) {
            return Integer.parseInt(to);
        }
        ModelVersion model = lookup.resolve(ModelReference.ACTIVE);
        List<SegmentLabel> labels = names.labels(model.version());
        return labels.stream().filter(l -> l.name().toLowerCase(Locale.ROOT).equals(to.toLowerCase(Locale.ROOT)))
                .map(SegmentLabel::segment).findFirst()
                .orElseThrow(() -> new SegmentsException("no segment of the active model (version " + model.version()
                        + ") is named '" + (to.length() > 40 ? to.substring(0, 40) + "..." : to) + "'; its segments are "
                        + labels.stream().map(SegmentLabel::name).toList()));
    }
}
