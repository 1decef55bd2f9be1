package org.bastion.crm.rest.internal.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {

    @Test
    void escapesWithTwoHexDigitsAreWellFormed() {
        assertThat(PercentEncoding.isWellFormed("/api/v1/contacts/a%2Fb")).isTrue();
        assertThat(PercentEncoding.isWellFormed("q=%C3%A9t%c3%a9&size=10")).isTrue();
        assertThat(PercentEncoding.isWellFormed("plain")).isTrue();
        assertThat(PercentEncoding.isWellFormed(null)).isTrue();
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsMalformed() {
        assertThat(PercentEncoding.isWellFormed("page=%zz")).isFalse();
        assertThat(PercentEncoding.isWellFormed("q=%")).isFalse();
        assertThat(PercentEncoding.isWellFormed("q=%4")).isFalse();
        assertThat(PercentEncoding.isWellFormed("q=%4g")).isFalse();
        assertThat(PercentEncoding.isWellFormed("q=%41%")).isFalse();
    }
}
