package io.itsmhub.core.desk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One desk of the tree. {@code seesChildren}: its people also see the tickets of the desks below it. */
@Entity
@Table(name = "service_desk")
public class ServiceDesk {

    @Id
    @Column(length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "parent_code", length = 40)
    private String parentCode;

    @Column(name = "sees_children", nullable = false)
    private boolean seesChildren;

    protected ServiceDesk() { }

    ServiceDesk(String code) {
        this.code = code;
    }

    void update(String name, String parentCode, boolean seesChildren) {
        this.name = name;
        this.parentCode = parentCode;
        this.seesChildren = seesChildren;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getParentCode() { return parentCode; }
    public boolean isSeesChildren() { return seesChildren; }
}
