package db.migration;

import java.util.List;
import org.clearance.audit.AppendOnlyTables;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Makes the country risk lists that screenings name (V12) append-only, like the screenings themselves. */
public class V12_1__Append_only_country_risk_set extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        AppendOnlyTables.protect(context.getConnection(), List.of("country_risk_set"));
    }
}
