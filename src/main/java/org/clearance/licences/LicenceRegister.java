package org.clearance.licences;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.Jurisdiction;
import org.clearance.security.Actor;

/** The licence register: registers licences all or nothing, each with its audit record, and finds them for screening. */
@ApplicationScoped
public class LicenceRegister implements LicenceLookup {

    private final AuditLog audit;

    LicenceRegister(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Registers every licence of {@code requests} in one transaction, or none: a licence whose jurisdiction and
     * reference are already registered refuses the whole import ({@link LicenceExistsException}).
     */
    public List<LicenceView> register(List<LicenceRequest> requests, Actor by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<LicenceView> registered = new ArrayList<>();
                for (LicenceRequest request : requests) {
                    if (find(request.jurisdiction(), request.reference()).isPresent()) {
                        throw new LicenceExistsException(request.key());
                    }
                    Licence licence = entity(request, now, by);
                    licence.persist();
                    LicenceView view = LicenceView.of(licence);
                    audit.append(by, AuditAction.LICENCE_REGISTERED, licence.id.toString(),
                            CanonicalJson.sha256(view.canonicalJson()));
                    registered.add(view);
                }
                Licence.getEntityManager().flush();
                return registered;
            });
        } catch (PersistenceException e) {
            // Another import registered one of these references meanwhile: the unique key refused it.
            if (String.valueOf(e.getCause()).toUpperCase(Locale.ROOT).contains("LICENCE_REFERENCE_UNIQUE")) {
                throw new LicenceExistsException("(one of this import's)");
            }
            throw e;
        }
    }

    /** Registered licences, newest first, optionally of one jurisdiction and/or reference. */
    public List<LicenceView> list(Jurisdiction jurisdiction, String reference) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (jurisdiction != null) {
            conditions.add("jurisdiction = :jurisdiction");
            parameters.and("jurisdiction", jurisdiction.name());
        }
        if (reference != null) {
            conditions.add("referenceKey = :reference");
            parameters.and("reference", reference.strip().toUpperCase(Locale.ROOT));
        }
        Sort newestFirst = Sort.descending("createdAt").and("reference");
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Licence> rows = conditions.isEmpty() ? Licence.listAll(newestFirst)
                    : Licence.list(String.join(" and ", conditions), newestFirst, parameters);
            return rows.stream().map(LicenceView::of).toList();
        });
    }

    /** One licence by id. */
    public Optional<LicenceView> get(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Licence.<Licence>findByIdOptional(id).map(LicenceView::of));
    }

    @Override
    public Optional<LicenceView> find(Jurisdiction jurisdiction, String reference) {
        return QuarkusTransaction.joiningExisting().call(() -> Licence.<Licence>find(
                        "jurisdiction = ?1 and referenceKey = ?2", jurisdiction.name(), reference.toUpperCase(Locale.ROOT))
                .firstResultOptional().map(LicenceView::of));
    }

    private static Licence entity(LicenceRequest request, Instant now, Actor by) {
        Licence licence = new Licence();
        licence.id = UUID.randomUUID();
        licence.jurisdiction = request.jurisdiction().name();
        licence.type = request.type().name();
        licence.reference = request.reference();
        licence.referenceKey = request.reference().toUpperCase(Locale.ROOT);
        licence.holderName = request.holder().name();
        licence.holderCountry = request.holder().country();
        licence.items = LicenceView.textJson(request.items());
        licence.destinations = LicenceView.textJson(request.destinations());
        licence.consignees = LicenceView.partyJson(request.consignees());
        licence.endUsers = LicenceView.partyJson(request.endUsers());
        licence.quantityLimit = request.quantity();
        licence.quantityUnit = request.quantityUnit();
        licence.quantityRemaining = request.quantity();
        licence.valueLimit = request.value();
        licence.valueCurrency = request.valueCurrency();
        licence.valueRemaining = request.value();
        licence.validFrom = request.validFrom();
        licence.validUntil = request.validUntil();
        licence.conditions = request.conditions();
        licence.createdAt = now;
        licence.createdBy = by.name();
        return licence;
    }
}
