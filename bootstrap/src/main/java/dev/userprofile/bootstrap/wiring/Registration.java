package dev.userprofile.bootstrap.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Marks the DynamoDB client and repository that register users at sign-up confirmation and password reset. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@interface Registration {}
