package jp.tsunagu.org;

public record Section(String code, String departmentCode, String nameJa, String nameEn) {
}
