package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class CurrentUserTest {

    final Organisation organisation = mock(Organisation.class);
    final CurrentUser currentUser = new CurrentUser(organisation);

    @BeforeEach
    void people() {
        when(organisation.findPerson("sato")).thenReturn(Optional.of(SATO));
        when(organisation.findPerson("suzuki")).thenReturn(Optional.of(SUZUKI));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void onePersonReadPerRequest() {
        signIn("sato");
        inNewRequest();

        assertThat(currentUser.require()).isEqualTo(SATO);
        assertThat(currentUser.find()).contains(SATO);
        verify(organisation, times(1)).findPerson("sato");

        inNewRequest();
        assertThat(currentUser.require()).isEqualTo(SATO);
        verify(organisation, times(2)).findPerson("sato");
    }

    @Test
    void anotherSignInWithinTheRequestIsReadAfresh() {
        inNewRequest();
        signIn("sato");
        assertThat(currentUser.require()).isEqualTo(SATO);
        signIn("suzuki");
        assertThat(currentUser.require()).isEqualTo(SUZUKI);
    }

    @Test
    void thePersonAuthenticationReadIsNotReadAgain() {
        inNewRequest();
        CurrentUser.readDuringAuthentication(SATO);
        signIn("sato");

        assertThat(currentUser.require()).isEqualTo(SATO);
        verify(organisation, never()).findPerson("sato");
    }

    @Test
    void aPersonReadByAFailedAuthenticationIsNobody() {
        inNewRequest();
        CurrentUser.readDuringAuthentication(SATO);

        assertThat(currentUser.find()).isEmpty();
    }

    @Test
    void outsideARequestEveryCallReads() {
        signIn("sato");
        currentUser.require();
        currentUser.require();
        verify(organisation, times(2)).findPerson("sato");
    }

    @Test
    void nobodySignedInIsNobody() {
        inNewRequest();
        assertThat(currentUser.find()).isEmpty();
    }

    private static void signIn(String username) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_STAFF"))));
    }

    private static void inNewRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }
}
