package io.chorus.admin;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.chorus.identity.Role;

/**
 * Reads a file of invitations (RFC 4180 CSV with a header row, UTF-8, comma, semicolon or tab separated) into rows to
 * invite, each with what is wrong with it, if anything. The columns, in any order and case:
 * <ul>
 * <li>{@code email} (required; also {@code e-mail}, {@code courriel})
 * <li>{@code name} (required; also {@code nom})
 * <li>{@code roles}: role ids separated by {@code |}, {@code ;}, {@code ,} or spaces; empty means {@code ambassador}
 * (also {@code role}, {@code rôles}, {@code rôle})
 * <li>{@code groups}: names of existing groups separated by {@code |} or {@code ;}, any case (also {@code group},
 * {@code groupes}, {@code groupe})
 * <li>{@code language}: a language tag such as {@code fr}; empty means the language chosen on the form (also
 * {@code langue})
 * </ul>
 * A bad row never stops the others; only a file that cannot be read as such a table is refused whole (and a file that
 * breaks off, say on an unclosed quote, keeps the rows read before the break).
 */
public final class InvitationCsv {

    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 1000;

    enum Column {
        EMAIL("email", "e-mail", "courriel"), NAME("name", "nom"), ROLES("roles", "role", "rôles", "rôle"),
        GROUPS("groups", "group", "groupes", "groupe"), LANGUAGE("language", "langue");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Optional<Column> named(String header) {
            String name = header.strip().toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.names.contains(name)) {
                    return Optional.of(column);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One data row: its number as a spreadsheet shows it (the header is row 1), what it asks for, and {@code problem}
     * (with {@code detail}, e.g. the unknown group) when it cannot be invited as it is.
     */
    public record Row(long number, String email, String name, Set<Role> roles, List<UUID> groupIds, String language,
            String problem, String detail) {

        Row refused(String why, String what) {
            return new Row(number, email, name, roles, groupIds, language, why, what);
        }
    }

    /**
     * What the file holds: its rows, or {@code problem} (with {@code detail}) when it is refused whole or, with rows,
     * when it breaks off after them.
     */
    public record Parsed(List<Row> rows, String problem, String detail) {
        static Parsed refused(String problem, String detail) {
            return new Parsed(List.of(), problem, detail);
        }
    }

    private InvitationCsv() {
    }

    /**
     * @param groupsByName
     *            the organization's groups, keyed by lower-case name
     * @param defaultLanguage
     *            the language of rows that give none
     */
    public static Parsed parse(byte[] file, Map<String, UUID> groupsByName, String defaultLanguage) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return Parsed.refused("not_utf8", "");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte order mark spreadsheets put first
        }
        if (text.isBlank()) {
            return Parsed.refused("empty", "");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header;
            try {
                header = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return Parsed.refused("unreadable", "1");
            }
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name.isBlank()) {
                    continue; // a trailing separator
                }
                Optional<Column> column = Column.named(name);
                if (column.isEmpty()) {
                    return Parsed.refused("unknown_column", name);
                }
                if (columns.put(column.get(), i) != null) {
                    return Parsed.refused("duplicate_column", name);
                }
            }
            for (Column required : List.of(Column.EMAIL, Column.NAME)) {
                if (!columns.containsKey(required)) {
                    return Parsed.refused("missing_column", required.names.get(0));
                }
            }
            List<CSVRecord> read = new ArrayList<>();
            String broken = null;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    if (!blank(record)) {
                        read.add(record);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                broken = String.valueOf(parser.getRecordNumber() + 1);
            }
            if (read.size() > MAX_ROWS) {
                return Parsed.refused("too_many_rows", String.valueOf(MAX_ROWS));
            }
            if (read.isEmpty() && broken == null) {
                return Parsed.refused("no_rows", "");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : read) {
                rows.add(row(record, columns, header.size(), groupsByName, defaultLanguage));
            }
            return new Parsed(rows, broken == null ? null : "unreadable", broken);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string never fails
        }
    }

    private static Row row(CSVRecord record, Map<Column, Integer> columns, int width, Map<String, UUID> groupsByName,
            String defaultLanguage) {
        String language = value(record, columns, Column.LANGUAGE);
        Row row = new Row(record.getRecordNumber(), value(record, columns, Column.EMAIL),
                value(record, columns, Column.NAME), EnumSet.of(Role.AMBASSADOR), List.of(),
                language.isEmpty() ? defaultLanguage : language, null, "");
        if (record.size() > width) {
            return row.refused("extra_values", "");
        }
        if (row.email().isEmpty()) {
            return row.refused("missing_email", "");
        }
        if (row.name().isEmpty()) {
            return row.refused("missing_name", "");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String id : value(record, columns, Column.ROLES).split("[|;,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.of(id.toLowerCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                return row.refused("unknown_role", id);
            }
        }
        List<UUID> groups = new ArrayList<>();
        for (String name : value(record, columns, Column.GROUPS).split("[|;]")) {
            if (name.isBlank()) {
                continue;
            }
            UUID id = groupsByName.get(name.strip().toLowerCase(Locale.ROOT));
            if (id == null) {
                return row.refused("unknown_group", name.strip());
            }
            if (!groups.contains(id)) {
                groups.add(id);
            }
        }
        return new Row(row.number(), row.email(), row.name(), roles.isEmpty() ? row.roles() : roles,
                List.copyOf(groups), row.language(), null, "");
    }

    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /** The separator of the header line: the most frequent of comma, semicolon and tab (comma when none). */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : new char[] { ',', ';', '\t' }) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }
}
