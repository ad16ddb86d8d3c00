package io.stratus.aws.simulator.tests;

import static io.stratus.aws.simulator.tests.TestSeed.ALICE;
import static io.stratus.aws.simulator.tests.TestSeed.ALICE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratus.aws.simulator.testing.CallLog;
import io.stratus.aws.simulator.testing.Fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Injected latency and failures, as the real SDK experiences them. */
class FaultsTest extends SimulatorTestBase {

    @Test
    void throttlingSurfacesAsTheSdksThrottlingError() {
        aws.faults().failNext(1, Fault.THROTTLING, "sts:GetCallerIdentity");
        StsClient sts = sts(ALICE);

        AwsServiceException error = assertAwsError("Throttling", 400, sts::getCallerIdentity);
        assertTrue(error.isThrottlingException());
        assertEquals(ALICE_ARN, sts.getCallerIdentity().arn());
    }

    @Test
    void theSdkRetriesThroughThrottling() {
        aws.faults().failNext(2, Fault.THROTTLING, "sts:*");

        assertEquals(ALICE_ARN, stsWithRetries(ALICE).getCallerIdentity().arn());
        assertEquals(List.of("Throttling", "Throttling", "OK"), outcomes());
        assertEquals(3, aws.calls().count("sts:GetCallerIdentity", ALICE_ARN));
    }

    @Test
    void aFractionOfCallsFails() {
        aws.faults().failFraction(0.5, Fault.THROTTLING);
        StsClient sts = sts(ALICE);

        long failed = IntStream.range(0, 20).filter(i -> {
            try {
                sts.getCallerIdentity();
                return false;
            } catch (AwsServiceException e) {
                return true;
            }
        }).count();
        assertTrue(failed > 2 && failed < 18, failed + " of 20 calls failed");
    }

    @Test
    void serverErrorsCarryAwsCodes() {
        aws.faults().failNext(1, Fault.INTERNAL_ERROR).failNext(1, Fault.SERVICE_UNAVAILABLE);

        assertAwsError("InternalFailure", 500, () -> sts(ALICE).getCallerIdentity());
        assertAwsError("ServiceUnavailable", 503, () -> iam(ALICE).listAccountAliases());
    }

    @Test
    void aMalformedAnswerIsAClientError() {
        aws.faults().failNext(1, Fault.MALFORMED_RESPONSE);

        SdkException error = assertThrows(SdkException.class, () -> sts(ALICE).getCallerIdentity());
        assertFalse(error instanceof AwsServiceException, error.toString());
    }

    @Test
    void aResetOrClosedConnectionIsAClientError() {
        aws.faults().failNext(1, Fault.CONNECTION_RESET).failNext(1, Fault.CONNECTION_CLOSE);
        StsClient sts = sts(ALICE);

        SdkException reset = assertThrows(SdkException.class, sts::getCallerIdentity);
        SdkException closed = assertThrows(SdkException.class, sts::getCallerIdentity);

        assertInstanceOf(SdkClientException.class, reset);
        assertTrue(reset.getMessage().contains("Connection reset"), reset.getMessage());
        assertInstanceOf(SdkClientException.class, closed);
        assertTrue(closed.getMessage().contains("Unexpected end of file"), closed.getMessage());
        assertEquals(ALICE_ARN, sts.getCallerIdentity().arn());
        assertEquals(Arrays.asList(Fault.CONNECTION_RESET, Fault.CONNECTION_CLOSE, null),
                aws.calls().all().stream().map(CallLog.Call::fault).toList());
    }

    @Test
    void latencyDelaysTheSelectedCalls() {
        Duration latency = Duration.ofMillis(600);
        StsClient sts = sts(ALICE);
        sts.getCallerIdentity(); // warm up: the first call loads classes and opens the connection
        aws.faults().latency("sts:GetCallerIdentity", latency).latency("iam:*", Duration.ofMinutes(5));

        long start = System.nanoTime();
        sts.getCallerIdentity();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(latency) >= 0, "took " + took);
        assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "an IAM latency delayed STS: took " + took);
    }

    @Test
    void latencyCanSlowDownOneRegion() {
        Duration latency = Duration.ofMillis(600);
        RdsClient slow = rds(Region.EU_WEST_1, ALICE);
        RdsClient fast = rds(Region.US_EAST_1, ALICE);
        slow.describeDBInstances(); // warm up, as above
        fast.describeDBInstances();
        aws.faults().latency("rds:*", "eu-west-1", latency);

        Duration slowTook = timed(slow::describeDBInstances);
        Duration fastTook = timed(fast::describeDBInstances);

        assertTrue(slowTook.compareTo(latency) >= 0, "eu-west-1 took " + slowTook);
        assertTrue(fastTook.compareTo(latency) < 0, "us-east-1 took " + fastTook);
        assertTrue(timed(() -> sts(Region.EU_WEST_1, ALICE).getCallerIdentity()).compareTo(latency) < 0,
                "only RDS is slow");
    }

    @Test
    void aFaultCanHitOneRegionOnly() {
        aws.faults().failNext(1, Fault.SERVICE_UNAVAILABLE, "rds:DescribeDBInstances", "us-east-1");

        assertEquals(5, rds(Region.EU_WEST_1, ALICE).describeDBInstances().dbInstances().size());
        assertAwsError("ServiceUnavailable", 503, () -> rds(Region.US_EAST_1, ALICE).describeDBInstances());
        assertEquals(1, rds(Region.US_EAST_1, ALICE).describeDBInstances().dbInstances().size());
    }

    @Test
    void theMostSpecificLatencyApplies() {
        StsClient sts = sts(Region.EU_WEST_1, ALICE);
        sts.getCallerIdentity();
        aws.faults().latency("sts:*", Duration.ofMinutes(5)).latency("sts:*", "eu-west-1", Duration.ofMillis(1));

        assertTrue(timed(sts::getCallerIdentity).compareTo(Duration.ofMinutes(1)) < 0,
                "the regional latency is more specific than the one for every region");
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static List<String> outcomes() {
        return aws.calls().all().stream().map(call -> call.errorCode() == null ? "OK" : call.errorCode()).toList();
    }
}
