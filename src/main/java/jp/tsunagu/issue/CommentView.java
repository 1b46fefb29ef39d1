package jp.tsunagu.issue;

import java.time.OffsetDateTime;

public record CommentView(String id, String author, String text, OffsetDateTime createdAt) {
}
