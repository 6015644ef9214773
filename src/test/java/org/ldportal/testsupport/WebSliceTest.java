package org.ldportal.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ldportal.approval.ApprovalProperties;
import org.ldportal.approval.ApprovalRules;
import org.ldportal.approval.Approvals;
import org.ldportal.security.AccessProperties;
import org.ldportal.security.GroupRoleMapper;
import org.ldportal.access.ProjectAccess;
import org.ldportal.security.PortalSecurityProperties;
import org.ldportal.security.SecurityConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Put beside {@code @WebMvcTest}: the portal's real security rules in a slice test. The
 * client registration is mocked because with an issuer set every context would fetch the
 * provider's discovery document; approvals, which live in the database, are mocked too
 * (no rule asks for one in a slice).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import({ SecurityConfig.class, GroupRoleMapper.class, ProjectAccess.class, ApprovalRules.class })
@EnableConfigurationProperties({ PortalSecurityProperties.class, AccessProperties.class, ApprovalProperties.class,
        org.ldportal.security.PublicAddressProperties.class, org.ldportal.security.SessionProperties.class })
@MockitoBean(types = { ClientRegistrationRepository.class, Approvals.class })
public @interface WebSliceTest {

}
