/**
 * Notifications and integrations (GitHub issue 8): reaching people where they are, and letting RPA and AI-OCR feed
 * issues in.
 * <p>
 * Listeners on the escalation module's events and on the engine's new tasks write, in the transaction of the change,
 * an in-app notification per person and a row per mail and webhook in a transactional outbox. A worker sends the
 * outbox with retries and backoff; every row has a unique key that travels as a header, so a crash between the send
 * and the bookkeeping doubles nothing at a receiver that de-duplicates. Non-urgent mail created outside opening hours
 * waits for the next opening; people may choose a daily digest instead. Nothing here reads an issue's free text or
 * personal details.
 * <p>
 * The integrations are the CSV bulk import of issues ({@code POST /api/issues/import}), which goes through
 * {@link jp.tsunagu.issue.IssueIntake}, and the OpenAPI description served by springdoc.
 */
package jp.tsunagu.notification;
