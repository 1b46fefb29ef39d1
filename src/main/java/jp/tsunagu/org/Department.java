package jp.tsunagu.org;

public record Department(String code, String nameJa, String nameEn, String leadSectionCode) {
}
