package io.itsmhub.core.desk;

import java.util.List;

/** A desk with its groups, its desk administrators and the desks below it, as the API shows the tree. */
public record DeskView(String code, String name, String parent, boolean seesChildren, List<String> groups,
                       List<String> admins, List<DeskView> children) { }
