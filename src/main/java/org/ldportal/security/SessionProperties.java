package org.ldportal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sign-in lasts, however busy the person is. Roles are read from the identity
 * provider at sign-in, so this also bounds how long someone removed from a group keeps
 * what it gave them.
 *
 * @param absoluteTimeout how long after signing in a person must sign in again
 * @param lastAccessWrite how far a session's last access must have moved before it is
 * written to the database again (sessions in the database only); a session may expire up
 * to this much before its timeout
 */
@ConfigurationProperties("portal.session")
public record SessionProperties(@DefaultValue("12h") Duration absoluteTimeout,
        @DefaultValue("1m") Duration lastAccessWrite) {
}
