package jp.tsunagu.escalation;

class H2DoubleApprovalTest extends DoubleApprovalTests {
}
