package org.ldportal.audit;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Read access to the trail. A plain {@link Repository}: it exposes no save, update or delete. */
public interface AuditRepository extends Repository<AuditEntry, Long> {

    Optional<AuditEntry> findById(Long id);

    List<AuditEntry> findTop50ByOrderByIdDesc();

    long count();
}
