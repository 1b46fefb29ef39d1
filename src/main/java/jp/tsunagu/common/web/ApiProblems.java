package jp.tsunagu.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an API operation answers beyond those every operation of its shape has (401; 400 for input;
 * 404 for an id in the path; 413 and 415 for a body; 406 for an answer with a body; 403 under {@code /api/admin} and
 * {@code /api/audit} and for every change), for
 * the OpenAPI description: for example {@code @ApiProblems({403, 409})} on an action of an issue.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiProblems {

    int[] value();
}
