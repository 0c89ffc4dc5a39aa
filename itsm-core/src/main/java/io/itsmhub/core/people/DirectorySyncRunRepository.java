package io.itsmhub.core.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DirectorySyncRunRepository extends JpaRepository<DirectorySyncRun, Long> {

    List<DirectorySyncRun> findTop20ByOrderByIdDesc();
}
