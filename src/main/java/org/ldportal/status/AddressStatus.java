package org.ldportal.status;

import java.util.List;

import org.ldportal.security.PublicAddressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The portal's public address as configured. Without it, sign-in and sign-out redirects
 * are built from each request's host, which a request may name as it likes: said at
 * start-up and on the status page, with how to set it.
 */
@Component
class AddressStatus implements StatusSection {

    private static final Logger log = LoggerFactory.getLogger(AddressStatus.class);

    static final String UNSET = "not set: redirects and the sign-in's redirect address are built from each request's "
            + "host. Set PORTAL_WEB_PUBLICURL (portal.web.public-url) to the portal's address, such as "
            + "https://ldportal.example.com.";

    private final PublicAddressProperties address;

    AddressStatus(PublicAddressProperties address) {
        this.address = address;
        if (address.publicUrl() == null) {
            log.warn("Public address {}", UNSET);
        }
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public String title() {
        return "Public address";
    }

    @Override
    public List<Line> lines() {
        return address.publicUrl() == null ? List.of(Line.problem("Public address", UNSET))
                : List.of(Line.of("Public address", address.publicUrl().toString()));
    }

}
