package io.itsmhub.core.cmdb;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CiRelationRepository extends JpaRepository<CiRelation, Long> {

    List<CiRelation> findByTargetIn(Collection<String> targets);

    List<CiRelation> findBySourceIn(Collection<String> sources);

    List<CiRelation> findBySourceOrTarget(String source, String target);

    boolean existsBySourceAndTypeAndTarget(String source, RelationType type, String target);
}
