package io.itsmhub.core.cmdb;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** "source TYPE target", by CI number; see {@link RelationType} for the direction. */
@Entity
@Table(name = "ci_relation")
public class CiRelation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RelationType type;

    @Column(nullable = false, length = 20)
    private String target;

    protected CiRelation() { }

    CiRelation(String source, RelationType type, String target) {
        this.source = source;
        this.type = type;
        this.target = target;
    }

    public Long getId() { return id; }
    public String getSource() { return source; }
    public RelationType getType() { return type; }
    public String getTarget() { return target; }
}
