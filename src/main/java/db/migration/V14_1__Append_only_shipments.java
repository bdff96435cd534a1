package db.migration;

import java.util.List;
import org.clearance.audit.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes shipments and licence usage (V14) append-only: what a shipment used of a licence is never rewritten. */
public class V14_1__Append_only_shipments extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.protect(context.getConnection(), List.of("shipment", "licence_usage"));
    }
}
