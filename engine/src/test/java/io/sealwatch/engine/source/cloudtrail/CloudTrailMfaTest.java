package io.sealwatch.engine.source.cloudtrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealwatch.model.MfaFactor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudTrailMfaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static MfaFactor assumeRole(String extra) throws Exception {
        return CloudTrailConnector.assumeRoleMfa(JSON.readTree("{\"eventName\":\"AssumeRole\"" + extra + "}"));
    }

    @Test
    void assumeRoleShowsItsFactorByTheDeviceNamedInTheRequest() throws Exception {
        assertEquals(MfaFactor.TOTP, assumeRole(
                ",\"requestParameters\":{\"serialNumber\":\"arn:aws:iam::111122223333:mfa/alice\"}"));
        assertEquals(MfaFactor.HARDWARE_OTP, assumeRole(",\"requestParameters\":{\"serialNumber\":\"GAHT12345678\"}"));
        assertEquals(MfaFactor.UNKNOWN, assumeRole(
                ",\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}}"));
        assertEquals(MfaFactor.NONE, assumeRole(",\"requestParameters\":{\"roleArn\":\"arn:aws:iam::1:role/BreakGlass\"}"));
    }
}
