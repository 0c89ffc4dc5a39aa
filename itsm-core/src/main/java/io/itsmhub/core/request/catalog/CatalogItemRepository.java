package io.itsmhub.core.request.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogItemRepository extends JpaRepository<CatalogItem, String> {
    List<CatalogItem> findByActiveTrueOrderByName();
}
