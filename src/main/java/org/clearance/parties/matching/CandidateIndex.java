package org.clearance.parties.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene index of every list name (one document per name), used only to fetch candidates so a
 * query never scans all names: folded tokens, Double Metaphone codes and character trigrams of folded tokens
 * are indexed as exact terms and searched with BM25, then {@link NameScorer} scores the candidates.
 */
final class CandidateIndex {

    private static final String TOKEN = "tok";
    private static final String PHONETIC = "phon";
    private static final String GRAM = "gram";
    private static final String SKELETON = "skel";
    private static final String KOREAN = "kor";
    private static final String INITIALS = "ini";
    /** Tokens in at most this share of names are rare enough to search by trigrams as well (typos of them). */
    private static final double RARE_SHARE = 0.002;
    private static final String NAME_ID = "nameId";
    private static final int MAX_QUERY_TOKENS = 24;
    /**
     * Trigram clauses per query, rarest first. Trigrams were two thirds of a query's time with 12; with 8 the
     * candidate stage is about a quarter faster and finds the same targets on the independent set (the generated
     * benchmark queries lose 3 of 1,000) — docs/performance.md.
     */
    private static final int MAX_GRAMS = 8;

    private final IndexSearcher searcher;
    private final ByteBuffersDirectory directory;
    /** Lucene doc id → name id, read once: fetching the stored id per hit cost ~20% of a query. */
    private final int[] nameIds;
    /**
     * In how many names each token and each trigram occurs, read once from the finished index: asking Lucene for each
     * of a query's tokens and trigrams was a third of the candidate stage.
     */
    private final Map<String, Integer> namesWithToken;
    private final Map<String, Integer> namesWithGram;

    private final GivenNames givenNames;
    private final TokenComparator comparator;

    /** @param acronyms of each name, at the same position as its tokens */
    CandidateIndex(List<List<TokenComparator.Token>> names, List<Acronyms> acronyms, GivenNames givenNames,
                   TokenComparator comparator) {
        this.givenNames = givenNames;
        this.comparator = comparator;
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int id = 0; id < names.size(); id++) {
                Document doc = new Document();
                doc.add(new StoredField(NAME_ID, id));
                Set<String> initials = new HashSet<>(acronyms.get(id).initials());
                initials.addAll(runInitials(names.get(id)));
                for (String form : initials) {
                    doc.add(new StringField(INITIALS, form, Field.Store.NO));
                }
                for (String term : terms(names.get(id))) {
                    int colon = term.indexOf(':');
                    doc.add(new StringField(term.substring(0, colon), term.substring(colon + 1), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            nameIds = new int[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < nameIds.length; doc++) {
                nameIds[doc] = stored.document(doc).getField(NAME_ID).numericValue().intValue();
            }
            namesWithToken = documentFrequencies(reader, TOKEN);
            namesWithGram = documentFrequencies(reader, GRAM);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /** Each term of {@code field} with the number of names that hold it. */
    private static Map<String, Integer> documentFrequencies(IndexReader reader, String field) throws IOException {
        Map<String, Integer> frequencies = new HashMap<>();
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms != null) {
            TermsEnum iterator = terms.iterator();
            for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
                frequencies.put(term.utf8ToString(), iterator.docFreq());
            }
        }
        return frequencies;
    }

    /**
     * Ids of the names most likely to match, best first. Clauses: every query token, its phonetic code, the
     * other forms of a known given name, adjacent query tokens joined ("rosoboron export"), consonant skeletons of
     * Arabic/Hebrew tokens and Korean keys of Hangul tokens; and character trigrams (for typos and spelling
     * variants) of every rare token — absent from the lists or in at most {@value #RARE_SHARE} of the names, so a
     * misspelling that happens to be another listed name ("Rothenberg" for "Rotenberg") still finds the target —,
     * of those only the {@value #MAX_GRAMS} rarest trigrams that occur at all: every trigram of every token made
     * 30–60 clauses with long posting lists, a third of the query time, without finding more. Also the one-word
     * translations of organisation-name words ({@link OrganisationWords}), weakly, and by acronym: names whose initials,
     * or the initials of some of whose adjacent words, a query word spells, and one-word names the query's initials
     * spell.
     */
    List<Integer> candidates(List<TokenComparator.Token> query, Acronyms acronyms, int limit) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        IndexReader reader = searcher.getIndexReader();
        Set<Term> added = new HashSet<>();
        List<Term> grams = new ArrayList<>();
        List<Integer> gramFrequencies = new ArrayList<>();
        int rareLimit = Math.max(2, (int) (reader.maxDoc() * RARE_SHARE));
        try {
            List<TokenComparator.Token> tokens = query.subList(0, Math.min(query.size(), MAX_QUERY_TOKENS));
            for (int t = 0; t < tokens.size(); t++) {
                TokenComparator.Token token = tokens.get(t);
                Term tokenTerm = new Term(TOKEN, token.folded());
                // A glossary word says what kind of body a name designates, not which one: weighed as its
                // translations, so that names sharing only such words do not crowd out those sharing a proper name.
                should(builder, added, tokenTerm, token.meanings().length > 0 ? 1f : 4f);
                if (!token.phonetic().isEmpty()) {
                    should(builder, added, new Term(PHONETIC, token.phonetic()), 2f);
                }
                if (token.givenNameGroups().length > 0) {
                    for (String other : givenNames.equivalents(token.givenNameGroups())) {
                        should(builder, added, new Term(TOKEN, other), 3f);
                    }
                }
                if (token.script() != NameScript.LATIN && token.folded().endsWith("sk") && token.folded().length() >= 6) {
                    // A place adjective keeps the "sk" of a short stem (PlaceAdjectives): "uralsk" also looks for Ural.
                    should(builder, added, new Term(TOKEN, token.folded().substring(0, token.folded().length() - 2)), 4f);
                }
                if (t + 1 < tokens.size()) {
                    should(builder, added, new Term(TOKEN, token.folded() + tokens.get(t + 1).folded()), 4f);
                }
                if (Acronyms.shaped(token)) {
                    should(builder, added, new Term(INITIALS, token.text()), 2f);
                    should(builder, added, new Term(INITIALS, token.folded()), 2f);
                }
                for (String translation : comparator.translations(token)) {
                    should(builder, added, new Term(TOKEN, translation), 1f);
                }
                if (token.script() == NameScript.ABJAD && token.skeleton().length() >= 2) {
                    should(builder, added, new Term(SKELETON, token.skeleton()), 3f);
                    if (t + 1 < tokens.size()) {
                        should(builder, added, new Term(SKELETON,
                                ScriptKeys.skeleton(token.text() + tokens.get(t + 1).text())), 3f);
                    }
                }
                if (token.script() == NameScript.HANGUL || token.koreanName()) {
                    should(builder, added, new Term(KOREAN, token.korean()), 3f);
                }
                if (!token.initial() && namesWithToken.getOrDefault(token.folded(), 0) <= rareLimit) {
                    String padded = "_" + token.folded() + "_";
                    for (int i = 0; i + 3 <= padded.length(); i++) {
                        Term gram = new Term(GRAM, padded.substring(i, i + 3));
                        if (added.add(gram)) {
                            int df = namesWithGram.getOrDefault(gram.text(), 0);
                            if (df > 0) {
                                grams.add(gram);
                                gramFrequencies.add(df);
                            }
                        }
                    }
                }
            }
            for (String spelt : acronyms.spelt()) {
                should(builder, added, new Term(INITIALS, spelt), 4f);
            }
            for (String initials : acronyms.initials()) {
                should(builder, added, new Term(TOKEN, initials), 2f);
            }
            Integer[] order = new Integer[grams.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(gramFrequencies.get(a), gramFrequencies.get(b)));
            for (int i = 0; i < Math.min(order.length, MAX_GRAMS); i++) {
                builder.add(new TermQuery(grams.get(order[i])), BooleanClause.Occur.SHOULD);
            }
            List<Integer> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(builder.build(), limit).scoreDocs) {
                ids.add(nameIds[hit.doc]);
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    /** The initials of every run of 3 to 8 adjacent words, as written and folded: what an acronym in a query spells. */
    private Set<String> runInitials(List<TokenComparator.Token> tokens) {
        Set<String> forms = new HashSet<>();
        for (int first = 0; first < tokens.size(); first++) {
            StringBuilder written = new StringBuilder();
            StringBuilder folded = new StringBuilder();
            for (int last = first; last < tokens.size() && last - first < Acronyms.MAX_LETTERS; last++) {
                TokenComparator.Token token = tokens.get(last);
                if (token.initial() || token.hasDigit() || token.folded().isEmpty()) {
                    break;
                }
                written.append(token.text().charAt(0));
                folded.append(token.folded().charAt(0));
                if (last - first + 1 >= Acronyms.MIN_LETTERS) {
                    forms.add(written.toString());
                    forms.add(comparator.fold(folded.toString()));
                }
            }
        }
        return forms;
    }

    private static void should(BooleanQuery.Builder builder, Set<Term> added, Term term, float boost) {
        if (added.add(term)) {
            builder.add(new BoostQuery(new TermQuery(term), boost), BooleanClause.Occur.SHOULD);
        }
    }

    private static Set<String> terms(List<TokenComparator.Token> tokens) {
        Set<String> terms = new LinkedHashSet<>();
        for (int t = 0; t < tokens.size(); t++) {
            TokenComparator.Token token = tokens.get(t);
            terms.add(TOKEN + ":" + token.folded());
            if (t + 1 < tokens.size()) {
                // Joined neighbours, so "ALQAEDA" finds "Al Qaeda" and "Xi Jinping" finds "xi jin ping".
                terms.add(TOKEN + ":" + token.folded() + tokens.get(t + 1).folded());
                terms.add(SKELETON + ":" + ScriptKeys.skeleton(token.text() + tokens.get(t + 1).text()));
            }
            if (token.skeleton().length() >= 2) {
                terms.add(SKELETON + ":" + token.skeleton());
            }
            terms.add(KOREAN + ":" + token.korean());
            if (!token.phonetic().isEmpty()) {
                terms.add(PHONETIC + ":" + token.phonetic());
            }
            String padded = "_" + token.folded() + "_";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                terms.add(GRAM + ":" + padded.substring(i, i + 3));
            }
        }
        return terms;
    }
}
