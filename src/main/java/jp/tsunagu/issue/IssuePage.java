package jp.tsunagu.issue;

import java.util.List;

public record IssuePage(List<IssueView> items, long total) {
}
