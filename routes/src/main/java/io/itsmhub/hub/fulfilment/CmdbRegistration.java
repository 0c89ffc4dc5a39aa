package io.itsmhub.hub.fulfilment;

import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CiForm;
import io.itsmhub.core.cmdb.CiView;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.Lifecycle;
import io.itsmhub.core.cmdb.RelationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers what a fulfilment made: a VM CI per VM (hosted on the cluster, owned by the requester, linked to the
 * request), and an application CI per installed software per VM (running on it). Found by name first, so a second
 * run registers nothing twice.
 */
@Component
class CmdbRegistration {

    private final CmdbService cmdb;

    CmdbRegistration(CmdbService cmdb) {
        this.cmdb = cmdb;
    }

    @Transactional
    List<String> register(String request, String requester, Map<String, String> ips, List<String> software,
                          Map<String, Object> values, String clusterName) {
        String cluster = cmdb.findByName(clusterName).map(CiView::number).orElse(null);
        List<String> numbers = new ArrayList<>();
        ips.forEach((vm, ip) -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("ip", String.valueOf(ip));
            attributes.put("request", request);
            for (String key : List.of("cpu", "memoryGb", "diskGb", "image", "environment", "costCentre")) {
                if (values.get(key) != null) {
                    attributes.put(key, String.valueOf(values.get(key)));
                }
            }
            String vmCi = ensure(vm, CiClass.VM, requester, "VM of " + request, attributes);
            numbers.add(vmCi);
            if (cluster != null) {
                relate(vmCi, RelationType.HOSTED_ON, cluster);
            }
            for (String name : software) {
                String app = ensure(name + "@" + vm, CiClass.APPLICATION, requester, name + " on " + vm + " (" + request + ")",
                        Map.of("software", name, "request", request));
                relate(app, RelationType.RUNS_ON, vmCi);
                numbers.add(app);
            }
        });
        return numbers;
    }

    private String ensure(String name, CiClass ciClass, String owner, String description, Map<String, String> attributes) {
        return cmdb.findByName(name).map(CiView::number).orElseGet(() ->
                cmdb.create(new CiForm(name, ciClass, Lifecycle.OPERATIONAL, owner, description, attributes)).number());
    }

    private void relate(String source, RelationType type, String target) {
        boolean known = cmdb.relationsOf(source).stream()
                .anyMatch(r -> r.source().equals(source) && r.type() == type && r.target().equals(target));
        if (!known) {
            cmdb.relate(source, type, target);
        }
    }
}
