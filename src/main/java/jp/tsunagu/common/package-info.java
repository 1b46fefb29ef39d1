/**
 * Shared kernel: the error vocabulary every module speaks (404, 403, 409, 400 with field errors) and the one clock
 * that both Tsunagu and the process engine read, so that tests can drive time in a single place.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.tsunagu.common;
