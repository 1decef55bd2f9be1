package org.bastion.crm.support.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;

import javax.persistence.Query;

import org.bastion.crm.api.SortKey;
import org.junit.jupiter.api.Test;

class JpqlFilterTest {

    @Test
    void bindsEveryValueAsAParameterAndNeverConcatenatesIt() {
        JpqlFilter filter = new JpqlFilter();
        filter.require("d.title LIKE " + filter.bind(JpqlFilter.contains("x' OR 1=1")) + JpqlFilter.LIKE_ESCAPE);
        filter.requireIn("d.owner", List.of("u-ann", "u-bob"));

        assertThat(filter.where()).isEqualTo(" WHERE d.title LIKE :p0 ESCAPE '!' AND d.owner IN (:p1, :p2)")
                .doesNotContain("OR 1=1");
        Query query = mock(Query.class);
        filter.bindTo(query);
        verify(query).setParameter("p0", "%x' OR 1=1%");
        verify(query).setParameter("p1", "u-ann");
        verify(query).setParameter("p2", "u-bob");
    }

    @Test
    void anEmptyInListMatchesNothingAndNoConditionMeansNoWhere() {
        assertThat(new JpqlFilter().where()).isEmpty();
        JpqlFilter filter = new JpqlFilter();
        filter.requireIn("d.owner", List.of());
        assertThat(filter.where()).isEqualTo(" WHERE 1 = 0");
    }

    @Test
    void escapesLikeWildcardsSoTheyMatchLiterally() {
        assertThat(JpqlFilter.contains("50%_off!")).isEqualTo("%50!%!_off!!%");
    }

    @Test
    void ordersByTheMappedAttributes() {
        assertThat(JpqlFilter.orderBy(List.of(new SortKey("amount", false), new SortKey("id", true)),
                Map.of("amount", "d.amount", "id", "d.id"))).isEqualTo(" ORDER BY d.amount DESC, d.id ASC");
    }
}
