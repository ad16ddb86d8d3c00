package io.stratus.ui.sql.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;

/**
 * SQL colouring with JFace's rule-based scanners: the document is partitioned into comments,
 * strings (dollar-quoted ones too) and quoted identifiers, read with the dialect's rules; the code
 * between them shows keywords and numbers.
 */
final class SqlColouring {

    static final String PARTITIONING = "io.stratus.ui.sql.partitioning";
    static final String COMMENT = "sql_comment";
    static final String STRING = "sql_string";
    static final String QUOTED_IDENTIFIER = "sql_quoted_identifier";
    static final String[] CONTENT_TYPES = {IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING, QUOTED_IDENTIFIER};

    private static final TextAttribute KEYWORD = new TextAttribute(new Color(127, 0, 85), null, SWT.BOLD);
    private static final TextAttribute COMMENT_TEXT = new TextAttribute(new Color(63, 127, 95));
    private static final TextAttribute STRING_TEXT = new TextAttribute(new Color(42, 0, 255));
    private static final TextAttribute NUMBER = new TextAttribute(new Color(125, 125, 0));
    private static final TextAttribute IDENTIFIER = new TextAttribute(null);

    private final SqlDialect dialect;

    SqlColouring(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** Partitions the document with the dialect's rules. */
    void partition(IDocument document) {
        FastPartitioner partitioner = new FastPartitioner(partitionScanner(), CONTENT_TYPES);
        partitioner.connect(document);
        ((org.eclipse.jface.text.IDocumentExtension3) document).setDocumentPartitioner(PARTITIONING, partitioner);
    }

    private RuleBasedPartitionScanner partitionScanner() {
        IToken comment = new Token(COMMENT);
        IToken string = new Token(STRING);
        IToken quoted = new Token(QUOTED_IDENTIFIER);
        List<IPredicateRule> rules = new ArrayList<>();
        rules.add(new EndOfLineRule("--", comment));
        if (dialect.hashComments()) {
            rules.add(new EndOfLineRule("#", comment));
        }
        rules.add(new MultiLineRule("/*", "*/", comment, (char) 0, true));
        rules.add(new MultiLineRule("'", "'", string, dialect.backslashEscapes() ? '\\' : (char) 0, true));
        if (dialect.dollarQuotes()) {
            rules.add(new DollarQuoteRule(string));
        }
        if (dialect.doubleQuotedStrings()) {
            rules.add(new MultiLineRule("\"", "\"", string, dialect.backslashEscapes() ? '\\' : (char) 0, true));
        } else {
            rules.add(new SingleLineRule("\"", "\"", quoted, (char) 0, true));
        }
        if (dialect.backtickIdentifiers()) {
            rules.add(new SingleLineRule("`", "`", quoted, (char) 0, true));
        }
        RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
        scanner.setPredicateRules(rules.toArray(IPredicateRule[]::new));
        return scanner;
    }

    /** Colours each kind of partition; code shows keywords and numbers. */
    PresentationReconciler reconciler() {
        PresentationReconciler reconciler = new PresentationReconciler();
        reconciler.setDocumentPartitioning(PARTITIONING);
        repair(reconciler, IDocument.DEFAULT_CONTENT_TYPE, codeScanner());
        repair(reconciler, COMMENT, single(COMMENT_TEXT));
        repair(reconciler, STRING, single(STRING_TEXT));
        repair(reconciler, QUOTED_IDENTIFIER, single(IDENTIFIER));
        return reconciler;
    }

    private static void repair(PresentationReconciler reconciler, String contentType, RuleBasedScanner scanner) {
        DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(scanner);
        reconciler.setDamager(repairer, contentType);
        reconciler.setRepairer(repairer, contentType);
    }

    private static RuleBasedScanner single(TextAttribute attribute) {
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setDefaultReturnToken(new Token(attribute));
        return scanner;
    }

    private RuleBasedScanner codeScanner() {
        WordRule words = new WordRule(new IWordDetector() {
            @Override
            public boolean isWordStart(char c) {
                return Character.isLetter(c) || c == '_';
            }

            @Override
            public boolean isWordPart(char c) {
                return StatementSplitter.isIdentifierPart(c);
            }
        }, new Token(IDENTIFIER), true); // a whole word at once: no keyword is found inside an identifier
        IToken keyword = new Token(KEYWORD);
        dialect.keywords().forEach(word -> words.addWord(word, keyword));
        RuleBasedScanner scanner = new RuleBasedScanner();
        scanner.setRules(new IRule[] {new WhitespaceRule(Character::isWhitespace), words, new NumberRule(new Token(NUMBER))});
        return scanner;
    }

    /** PostgreSQL's dollar quoting: {@code $tag$ ... $tag$} (the tag may be empty; {@code $1} is a parameter). */
    private static final class DollarQuoteRule implements IPredicateRule {

        private final IToken token;

        DollarQuoteRule(IToken token) {
            this.token = token;
        }

        @Override
        public IToken getSuccessToken() {
            return token;
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner) {
            return evaluate(scanner, false);
        }

        @Override
        public IToken evaluate(ICharacterScanner scanner, boolean resume) {
            StringBuilder tag = new StringBuilder();
            int c = scanner.read();
            if (c != '$') {
                scanner.unread();
                return Token.UNDEFINED;
            }
            tag.append('$');
            while (true) {
                c = scanner.read();
                if (c == '$') {
                    tag.append('$');
                    break;
                }
                if (c == ICharacterScanner.EOF || !(Character.isLetterOrDigit(c) || c == '_')
                        || tag.length() == 1 && Character.isDigit(c)) {
                    for (int i = 0; i < tag.length() + 1; i++) {
                        scanner.unread();
                    }
                    return Token.UNDEFINED;
                }
                tag.append((char) c);
            }
            // the body, up to the same tag or the end of the document
            String end = tag.toString();
            int matched = 0;
            while ((c = scanner.read()) != ICharacterScanner.EOF) {
                matched = c == end.charAt(matched) ? matched + 1 : c == end.charAt(0) ? 1 : 0;
                if (matched == end.length()) {
                    return token;
                }
            }
            return token;
        }
    }
}
