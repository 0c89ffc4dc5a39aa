package io.itsmhub.core.cmdb;

public record RelationView(long id, String source, RelationType type, String target) {
    static RelationView of(CiRelation r) {
        return new RelationView(r.getId(), r.getSource(), r.getType(), r.getTarget());
    }
}
