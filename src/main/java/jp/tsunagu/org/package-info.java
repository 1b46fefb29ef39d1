/**
 * The organisation: departments, sections, people and their roles, and who the caller is.
 * <p>
 * Every person carries a set of <em>principals</em> ({@code user:sato}, {@code section:shimin-ka},
 * {@code department:shimin-seikatsu}, {@code role:CITY_COORDINATOR}, {@code SECTION_CHIEF@shimin-ka}). Issue
 * visibility and task candidates are expressed in the same principals, so "may this person see or do this" is always
 * a set intersection.
 */
package jp.tsunagu.org;
