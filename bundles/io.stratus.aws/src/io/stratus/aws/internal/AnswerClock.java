package io.stratus.aws.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * AWS's clock as one call's answers show it (their {@code Date} header), to compare with this
 * machine's. The SDK corrects its own signatures after a skew error and retries, so a call can
 * succeed while the clock is off; what Stratus signs by itself later (RDS IAM tokens) would not.
 */
final class AnswerClock {

    /** How far a SigV4 request time may be from AWS's clock. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Where a call's requests find the clock of their call. */
    static final ExecutionAttribute<AnswerClock> OF_CALL = new ExecutionAttribute<>("stratus.answerClock");

    /** Shown every answer of a call whose requests carry {@link #OF_CALL}. */
    static final ExecutionInterceptor READER = new ExecutionInterceptor() {
        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            AnswerClock clock = attributes.getAttribute(OF_CALL);
            if (clock != null) {
                clock.saw(context.httpResponse());
            }
        }
    };

    private volatile Duration worstSkew = Duration.ZERO;

    void saw(SdkHttpResponse answer) {
        Optional<String> date = answer.firstMatchingHeader("Date");
        if (date.isEmpty()) {
            return;
        }
        try {
            Instant awsNow = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration skew = Duration.between(awsNow, Instant.now()).abs();
            if (skew.compareTo(worstSkew) > 0) {
                worstSkew = skew;
            }
        } catch (DateTimeParseException unreadable) {
            // nothing to compare with
        }
    }

    /** @throws io.stratus.core.StratusException UNAVAILABLE if an answer showed more skew than AWS allows */
    void check() {
        if (worstSkew.compareTo(MAX_SKEW) > 0) {
            throw FailureExplainer.clockSkew(null);
        }
    }
}
