package dev.userprofile.bootstrap.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/** Marks the DynamoDB client and repository of the sign-in path, with its short call budget. */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@interface SignIn {}
