package io.itsmhub.core.request.catalog;

import java.util.List;

public record CatalogItemView(String code, String name, String description, String category, List<FormField> form,
                              boolean approvalRequired, String fulfilmentGroup, boolean active,
                              List<ApprovalStep> approvalChain, String fulfilment, Pricing pricing, Integer slaHours,
                              List<String> grantableGroups, String desk) {
    static CatalogItemView of(CatalogItem item) {
        return new CatalogItemView(item.getCode(), item.getName(), item.getDescription(), item.getCategory(),
                item.getForm(), item.isApprovalRequired(), item.getFulfilmentGroup(), item.isActive(),
                item.getApprovalChain(), item.getFulfilment(), item.getPricing(), item.getSlaHours(),
                item.getGrantableGroups(), item.getDesk());
    }
}
