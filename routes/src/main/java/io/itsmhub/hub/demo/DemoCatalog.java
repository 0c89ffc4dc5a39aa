package io.itsmhub.hub.demo;

import io.itsmhub.core.request.catalog.ApprovalStep;
import io.itsmhub.core.request.catalog.CatalogItemForm;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.request.catalog.FormField.Type;
import io.itsmhub.core.request.catalog.Pricing;
import java.math.BigDecimal;
import java.util.List;

/** The two demo catalog items: a Linux VM with software, and access to a directory group. */
final class DemoCatalog {
    private DemoCatalog() { }

    static List<CatalogItemForm> items() {
        return List.of(
                new CatalogItemForm("linux-vm", "Linux VM with software",
                        "A virtual machine on the platform cluster, configured with the software you pick.", "Compute",
                        List.of(number("count", "Number of VMs", 1, 10),
                                number("cpu", "vCPUs", 1, 32),
                                number("memoryGb", "Memory (GiB)", 1, 256),
                                number("diskGb", "Disk (GiB)", 10, 2000),
                                choice("image", "OS image", Type.CHOICE, true, "debian-12", "ubuntu-24.04", "rocky-9"),
                                choice("software", "Software", Type.MULTI_CHOICE, false, "postgresql", "nginx", "redis"),
                                choice("environment", "Environment", Type.CHOICE, true, "dev", "test", "prod"),
                                text("costCentre", "Cost centre", true, 20),
                                text("justification", "Justification", true, 2000)),
                        true, "platform", true,
                        // manager, then security for production, then finance above 500 a month
                        List.of(ApprovalStep.manager(), ApprovalStep.group("security", "environment", "prod"),
                                ApprovalStep.costAbove("finance", BigDecimal.valueOf(500))),
                        "vm", new Pricing(BigDecimal.valueOf(10), BigDecimal.valueOf(8), BigDecimal.valueOf(3),
                                new BigDecimal("0.10"), java.util.Map.of("postgresql", BigDecimal.valueOf(20),
                                        "nginx", BigDecimal.valueOf(5), "redis", BigDecimal.valueOf(10))), 4),
                new CatalogItemForm("access-request", "Access to a directory group",
                        "Membership of an LDAP group, e.g. for a shared drive or an application role.", "Access",
                        List.of(text("group", "Group", true, 100), text("justification", "Justification", true, 2000)),
                        true, "service-desk", true, List.of(ApprovalStep.manager()), "directory-access", null, 8,
                        // the only groups this item grants; never one that gives a hub role (hub.ldap.group-roles)
                        List.of("finance-share", "wiki-editors", "payments-db-readers", "vpn-users")),
                new CatalogItemForm("password-reset", "Password reset",
                        "A new one-time password, sent to your mail address (or phone).", "Access",
                        List.of(text("justification", "Why", false, 500)), false, "service-desk", true, null,
                        "password-reset", null, 1),
                new CatalogItemForm("access-revoke", "Revoke a leaver's access",
                        "Disable the directory account and remove every group membership of someone who left.", "Access",
                        List.of(text("user", "User", true, 100), text("justification", "Justification", true, 2000)),
                        false, "service-desk", true));
    }

    private static FormField number(String name, String label, int min, int max) {
        return new FormField(name, label, Type.NUMBER, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max), null);
    }

    private static FormField text(String name, String label, boolean required, int maxLength) {
        return new FormField(name, label, Type.TEXT, required, null, BigDecimal.valueOf(maxLength), null);
    }

    private static FormField choice(String name, String label, Type type, boolean required, String... choices) {
        return new FormField(name, label, type, required, null, null, List.of(choices));
    }
}
