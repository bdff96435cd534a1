package org.clearance.parties.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
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
    private static final String NAME_ID = "nameId";
    private static final int MAX_QUERY_TOKENS = 24;

    private final IndexSearcher searcher;
    private final ByteBuffersDirectory directory;
    /** Lucene doc id → name id, read once: fetching the stored id per hit cost ~20% of a query. */
    private final int[] nameIds;

    CandidateIndex(List<List<TokenComparator.Token>> names) {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int id = 0; id < names.size(); id++) {
                Document doc = new Document();
                doc.add(new StoredField(NAME_ID, id));
                for (String term : terms(names.get(id))) {
                    int colon = term.indexOf(':');
                    doc.add(new StringField(term.substring(0, colon), term.substring(colon + 1), Field.Store.NO));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            nameIds = new int[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < nameIds.length; doc++) {
                nameIds[doc] = stored.document(doc).getField(NAME_ID).numericValue().intValue();
            }
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /** Ids of the names most likely to match, best first. */
    List<Integer> candidates(List<TokenComparator.Token> query, int limit) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        Set<String> terms = terms(query.subList(0, Math.min(query.size(), MAX_QUERY_TOKENS)));
        for (String term : terms) {
            int colon = term.indexOf(':');
            String field = term.substring(0, colon);
            float boost = field.equals(TOKEN) ? 4f : field.equals(PHONETIC) ? 2f : 1f;
            builder.add(new BoostQuery(new TermQuery(new Term(field, term.substring(colon + 1))), boost),
                    BooleanClause.Occur.SHOULD);
        }
        try {
            List<Integer> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(builder.build(), limit).scoreDocs) {
                ids.add(nameIds[hit.doc]);
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    private static Set<String> terms(List<TokenComparator.Token> tokens) {
        Set<String> terms = new LinkedHashSet<>();
        for (TokenComparator.Token token : tokens) {
            terms.add(TOKEN + ":" + token.folded());
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
