package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

class PagerTest {

    static final IntFunction<String> LINK = page -> "/list?page=" + page;

    @Test
    void aMiddlePageSaysWhichRowsItShowsAndLinksBothWays() {
        assertThat(Pager.of(1, 50, 50, 123, LINK))
                .isEqualTo(new Pager(123, 51, 100, "/list?page=0", "/list?page=2", null));
    }

    @Test
    void theLastPageLinksBackOnlyEvenWhenItIsFull() {
        assertThat(Pager.of(2, 50, 23, 123, LINK)).isEqualTo(new Pager(123, 101, 123, "/list?page=1", null, null));
        assertThat(Pager.of(1, 50, 50, 100, LINK).nextLink()).isNull();
    }

    @Test
    void aPagePastTheEndLinksToTheLastPageOnly() {
        Pager pastTheEnd = Pager.of(9, 50, 0, 123, LINK);
        assertThat(pastTheEnd).isEqualTo(new Pager(123, 0, 0, null, null, "/list?page=2"));
        assertThat(pastTheEnd.pastTheEnd()).isTrue();
    }

    @Test
    void anEmptyListLinksNowhereWhateverThePage() {
        assertThat(Pager.of(0, 50, 0, 0, LINK).hasLinks()).isFalse();
        assertThat(Pager.of(3, 50, 0, 0, LINK).hasLinks()).isFalse();
        assertThat(Pager.of(3, 50, 0, 0, LINK).pastTheEnd()).isFalse();
    }
}
