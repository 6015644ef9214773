package org.ldportal.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.ldportal.security.PublicAddressProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The status page's line for the public address: a problem only while it is not set. */
class AddressStatusTests {

    @Test
    void linesWhenSetThenTheAddressElseAProblemSayingHowToSetIt() {
        assertThat(new AddressStatus(new PublicAddressProperties(URI.create("https://ldportal.example.com"))).lines())
            .singleElement()
            .satisfies(line -> {
                assertThat(line.value()).isEqualTo("https://ldportal.example.com");
                assertThat(line.problem()).isFalse();
            });
        assertThat(new AddressStatus(new PublicAddressProperties(null)).lines()).singleElement().satisfies(line -> {
            assertThat(line.value()).contains("PORTAL_WEB_PUBLICURL");
            assertThat(line.problem()).isTrue();
        });
    }

}
