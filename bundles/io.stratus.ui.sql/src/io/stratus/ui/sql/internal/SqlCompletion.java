package io.stratus.ui.sql.internal;

import io.stratus.core.database.CatalogEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

/**
 * Completion of schemas, tables and columns from the open database's catalog, and of the
 * dialect's keywords. After {@code name.} it offers the tables of schema {@code name}, or the
 * columns of table (or alias) {@code name}; otherwise schemas, the tables of the default schemas
 * and keywords. What the catalog has not read yet is read in a Job, and the proposals open again
 * when it arrives.
 */
final class SqlCompletion implements IContentAssistProcessor {

    /** {@code FROM orders o} and {@code JOIN shop.orders AS o}: a table and its alias. */
    private static final Pattern ALIAS = Pattern.compile(
            "(?i)\\b(?:from|join|update|into)\\s+(?:([\\w$]+)\\.)?([\\w$]+)(?:\\s+(?:as\\s+)?([\\w$]+))?");

    private final SqlDialect dialect;
    private final CatalogCache catalog;
    private final List<String> defaultSchemas;
    /** Opens the proposals again once a level of the catalog that they lacked has been read. */
    private final Consumer<List<String>> reopen;
    private String missing;
    /** The offset of the last proposals, if they lacked part of the catalog; else -1. */
    private int missingAt = -1;

    SqlCompletion(SqlDialect dialect, CatalogCache catalog, List<String> defaultSchemas, Consumer<List<String>> reopen) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.defaultSchemas = defaultSchemas;
        this.reopen = reopen;
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        IDocument document = viewer.getDocument();
        String text;
        try {
            text = document.get(0, offset);
        } catch (BadLocationException e) {
            return new ICompletionProposal[0];
        }
        int wordStart = offset;
        while (wordStart > 0 && StatementSplitter.isIdentifierPart(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = text.substring(wordStart);
        missing = null;
        List<Candidate> candidates = new ArrayList<>();
        if (wordStart > 0 && text.charAt(wordStart - 1) == '.') {
            int qualifierStart = wordStart - 1;
            while (qualifierStart > 0 && StatementSplitter.isIdentifierPart(text.charAt(qualifierStart - 1))) {
                qualifierStart--;
            }
            qualified(text.substring(qualifierStart, wordStart - 1), document.get(), candidates);
        } else {
            unqualified(candidates);
        }
        missingAt = missing == null ? -1 : offset;
        String lower = prefix.toLowerCase(Locale.ROOT);
        int replaced = wordStart;
        return candidates.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).startsWith(lower))
                .sorted(Comparator.comparing(Candidate::rank).thenComparing(Candidate::name, String.CASE_INSENSITIVE_ORDER))
                .distinct()
                .map(c -> (ICompletionProposal) new CompletionProposal(c.name(), replaced, prefix.length(),
                        c.name().length(), null, c.name() + "  " + c.detail(), null, null))
                .toArray(ICompletionProposal[]::new);
    }

    /** After {@code qualifier.}: a schema's tables, or a table's (or alias's) columns. */
    private void qualified(String qualifier, String document, List<Candidate> candidates) {
        Optional<List<CatalogEntry>> schemas = level(List.of());
        if (schemas.isEmpty()) {
            return;
        }
        Optional<CatalogEntry> schema = named(schemas.get(), qualifier);
        if (schema.isPresent()) {
            level(List.of(schema.get().name())).ifPresent(tables -> tables.forEach(t -> candidates.add(Candidate.of(t, 0))));
            return;
        }
        List<String> table = tableNamed(qualifier, document);
        if (!table.isEmpty()) {
            level(table).ifPresent(columns -> columns.forEach(column -> candidates.add(Candidate.of(column, 0))));
        }
    }

    /** Schemas, the tables of the default schemas, and keywords. */
    private void unqualified(List<Candidate> candidates) {
        level(List.of()).ifPresent(schemas -> {
            schemas.forEach(schema -> candidates.add(Candidate.of(schema, 1)));
            for (String name : defaultSchemas) {
                named(schemas, name).flatMap(schema -> level(List.of(schema.name())))
                        .ifPresent(tables -> tables.forEach(table -> candidates.add(Candidate.of(table, 0))));
            }
        });
        dialect.keywords().forEach(keyword -> candidates.add(new Candidate(keyword, "keyword", 2)));
    }

    /**
     * The catalog path of the table a qualifier names: an alias or table name of the statement
     * text, in a default schema or the schema the text gives; empty if it names none known.
     */
    private List<String> tableNamed(String qualifier, String document) {
        Matcher tables = ALIAS.matcher(document);
        String schemaName = null;
        String tableName = qualifier;
        while (tables.find()) {
            if (qualifier.equalsIgnoreCase(tables.group(3)) || qualifier.equalsIgnoreCase(tables.group(2))) {
                schemaName = tables.group(1);
                tableName = tables.group(2);
                break;
            }
        }
        Optional<List<CatalogEntry>> schemas = level(List.of());
        if (schemas.isEmpty()) {
            return List.of();
        }
        List<String> candidatesSchemas = schemaName != null ? List.of(schemaName) : defaultSchemas;
        for (String name : candidatesSchemas) {
            Optional<CatalogEntry> schema = named(schemas.get(), name);
            if (schema.isEmpty()) {
                continue;
            }
            Optional<List<CatalogEntry>> tablesOfSchema = level(List.of(schema.get().name()));
            if (tablesOfSchema.isPresent()) {
                Optional<CatalogEntry> table = named(tablesOfSchema.get(), tableName);
                if (table.isPresent()) {
                    return List.of(schema.get().name(), table.get().name());
                }
            }
        }
        return List.of();
    }

    private Optional<List<CatalogEntry>> level(List<String> path) {
        Optional<List<CatalogEntry>> known = catalog.level(path, reopen);
        if (known.isEmpty()) {
            missing = path.isEmpty() ? "the schemas" : String.join(".", path);
        }
        return known;
    }

    private static Optional<CatalogEntry> named(List<CatalogEntry> entries, String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .or(() -> entries.stream().filter(entry -> entry.name().equalsIgnoreCase(name)).findFirst());
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return new IContextInformation[0];
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] {'.'};
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return new char[0];
    }

    /** Whether the last proposals, asked for at {@code offset}, lacked a part of the catalog that is being read now. */
    boolean lacking(int offset) {
        return missingAt == offset;
    }

    /** Said when there is nothing to propose: the catalog is still being read. */
    @Override
    public String getErrorMessage() {
        return missing == null ? null : "Reading " + missing + " from the database\u2026";
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }

    /** A name to propose, its detail (kind, type) and its rank (lower first). */
    private record Candidate(String name, String detail, int rank) {

        static Candidate of(CatalogEntry entry, int rank) {
            return new Candidate(entry.name(), entry.detail().isEmpty() ? entry.kind() : entry.kind() + ", " + entry.detail(),
                    rank);
        }
    }
}
