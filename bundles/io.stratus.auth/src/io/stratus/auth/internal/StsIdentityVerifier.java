package io.stratus.auth.internal;

import io.stratus.aws.AwsClients;
import io.stratus.core.identity.AwsCredentials;
import io.stratus.core.identity.AwsIdentity;
import io.stratus.core.session.IdentityVerifier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
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
        GetCallerIdentityResponse caller;
        try {
            caller = aws.sts().getCallerIdentity(GetCallerIdentityRequest.builder()
                    .overrideConfiguration(aws.as(credentials))
                    .build());
        } catch (SdkException e) {
            throw aws.explain(e, "sts", "GetCallerIdentity");
        }
        aws.checkClock(caller.sdkHttpResponse());
        return new AwsIdentity(caller.account(), caller.arn(), caller.userId());
    }
}
