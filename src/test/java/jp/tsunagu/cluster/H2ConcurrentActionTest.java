package jp.tsunagu.cluster;

class H2ConcurrentActionTest extends ConcurrentActionTests {
}
