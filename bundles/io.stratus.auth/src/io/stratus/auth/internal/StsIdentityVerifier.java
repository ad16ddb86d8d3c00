package io.stratus.auth.internal;

import io.stratus.aws.AwsClients;
import io.stratus.aws.AwsService;
import io.stratus.core.Problem;
import io.stratus.core.StratusException;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.identity.AwsKeys;
import io.stratus.core.session.IdentityVerifier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Checks keys locally, then asks STS {@code GetCallerIdentity} whom they belong to. */
@Component(service = IdentityVerifier.class)
public final class StsIdentityVerifier implements IdentityVerifier {

    private final AwsClients aws;

    @Activate
    public StsIdentityVerifier(@Reference AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public AwsIdentity verify(AwsCredentials credentials) {
        CredentialRules.check(credentials);
        GetCallerIdentityResponse caller = aws.call(AwsKeys.of(credentials), AwsService.sts(), "GetCallerIdentity",
                (sts, signedAs) -> sts.getCallerIdentity(r -> r.overrideConfiguration(signedAs)));
        if (blank(caller.account()) || blank(caller.arn()) || blank(caller.userId())) {
            // The SDK reads an empty body, an HTML page or a result without fields as an answer with nulls.
            throw new StratusException(Problem.REMOTE_UNREACHABLE, "AWS STS answered GetCallerIdentity without "
                    + "saying whose keys these are (no account, ARN or user id). Something other than STS may be "
                    + "answering (a proxy or captive portal, or a wrong STS endpoint setting); try again, and if it "
                    + "persists, ask the operator to check the network and the STS endpoint.");
        }
        return new AwsIdentity(caller.account(), caller.arn(), caller.userId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
