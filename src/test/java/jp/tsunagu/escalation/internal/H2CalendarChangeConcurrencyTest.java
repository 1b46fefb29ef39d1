package jp.tsunagu.escalation.internal;

class H2CalendarChangeConcurrencyTest extends CalendarChangeConcurrencyTests {
}
