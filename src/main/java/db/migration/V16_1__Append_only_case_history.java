package db.migration;

import java.util.List;
import org.clearance.audit.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes a case's timeline and dispositions (V16) append-only, and the party matches stored with a screening: the case
 * row holds the current state, these hold how it got there.
 */
public class V16_1__Append_only_case_history extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.protect(context.getConnection(), List.of("case_event", "case_disposition", "screening_party_match"));
    }
}
