package org.ldportal.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * The tests' read access to the trail, straight from the table (the portal itself reads
 * through {@link AuditQueries}). A plain {@link Repository}: it exposes no save, update
 * or delete.
 */
public interface AuditRepository extends Repository<AuditEntry, Long> {

    Optional<AuditEntry> findById(Long id);

    List<AuditEntry> findTop50ByOrderByIdDesc();

    long count();

}
