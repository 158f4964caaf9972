package se.samverkan.persistence.internal;

import java.util.ArrayList;
import java.util.List;

import se.samverkan.api.service.ActivityQuery;

/**
 * The id query of an activity search. Every filter is an indexed equality or range (see the indexes in
 * V1__initial_schema.sql); free text is matched as word prefixes in activity_token, one EXISTS per word.
 * The last two parameters, offset and limit, are appended by the caller.
 */
record SearchSql(String text, List<Object> parameters) {

    static SearchSql of(ActivityQuery q) {
        StringBuilder sql = new StringBuilder("SELECT a.id FROM activity a JOIN municipality m "
                + "ON m.code = a.municipality_code WHERE m.active = TRUE");
        List<Object> params = new ArrayList<>();
        if (q.municipalityCode() != null) {
            sql.append(" AND a.municipality_code = ?");
            params.add(q.municipalityCode());
        }
        if (q.category() != null) {
            sql.append(" AND a.category = ?");
            params.add(q.category().name());
        }
        if (q.focusArea() != null) {
            sql.append(" AND a.focus_area = ?");
            params.add(q.focusArea().name());
        }
        if (q.language() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM activity_language l WHERE l.activity_id = a.id AND l.lang = ?)");
            params.add(q.language());
        }
        if (q.accessibility() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM venue_accessibility v WHERE v.venue_id = a.venue_id AND v.feature = ?)");
            params.add(q.accessibility().name());
        }
        if (q.from() != null || q.to() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM occurrence o WHERE o.activity_id = a.id AND o.status = 'SCHEDULED'");
            if (q.from() != null) {
                sql.append(" AND o.starts_at >= ?");
                params.add(ActivityServiceImpl.dayStartUtc(q.from()));
            }
            if (q.to() != null) {
                sql.append(" AND o.starts_at < ?");
                params.add(ActivityServiceImpl.dayStartUtc(q.to().plusDays(1)));
            }
            sql.append(")");
        }
        for (String word : Tokens.words(q.text())) {
            sql.append(" AND EXISTS (SELECT 1 FROM activity_token t WHERE t.activity_id = a.id AND t.token LIKE ? ESCAPE '\\')");
            params.add(word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" ORDER BY a.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        return new SearchSql(sql.toString(), params);
    }
}
