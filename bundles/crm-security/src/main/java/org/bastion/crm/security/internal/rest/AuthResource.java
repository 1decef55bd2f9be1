package org.bastion.crm.security.internal.rest;

import java.util.List;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.rest.AllowedDuringEnrolment;
import org.bastion.crm.api.rest.CrmRest;
import org.bastion.crm.api.rest.PublicEndpoint;
import org.bastion.crm.api.security.AccountService;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SessionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/auth}: log in with a password and, where required, a second factor; log out; the caller's account,
 * sessions, TOTP enrolment and password. Every failed login answers the same 401, whatever the cause. Login and the
 * second factor are public; a session restricted to TOTP enrolment may only read {@code me}, enrol, confirm and log out.
 */
@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsName("bastion-crm-auth")
@JaxrsApplicationSelect(CrmRest.APPLICATION_SELECT)
@JaxrsExtensionSelect(CrmRest.JSON_EXTENSION_SELECT)
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Login, two-factor authentication, sessions and the caller's own account")
public class AuthResource {

    static final String SESSION_KIND = "session";

    private static final Pattern PRINTABLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Authenticator authenticator;
    private final AccountService accounts;
    private final SessionService sessions;

    @Activate
    public AuthResource(@Reference Authenticator authenticator, @Reference AccountService accounts,
                        @Reference SessionService sessions) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /**
     * Overlong usernames and passwords are handed to the authenticator like any other: such a login is a failed
     * attempt, counted by the throttling and answered with the same 401 (the authenticator refuses them unhashed).
     */
    @POST
    @Path("login")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with username and password (public)", responses = {
            @ApiResponse(responseCode = "200", description = "a session token, or a challenge for the second factor",
                    content = @Content(schema = @Schema(oneOf = {TokenBody.class, MfaChallengeBody.class}))),
            @ApiResponse(responseCode = "400", description = "no body, or username or password missing"),
            @ApiResponse(responseCode = "401", description = "the same answer for every failure"),
            @ApiResponse(responseCode = "429", description = "too many failures; Retry-After says how long to wait")})
    public Response login(LoginRequest body, @Context HttpServletRequest request) {
        RequestChecks.body(body);
        RequestChecks.start().required("username", body.username()).required("password", body.password()).verify();
        return secret(loginBody(authenticator.login(body.username(), body.password(), RestClients.of(request))));
    }

    @POST
    @Path("mfa")
    @PublicEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a login with a TOTP or recovery code (public)", responses = {
            @ApiResponse(responseCode = "200", description = "the session token",
                    content = @Content(schema = @Schema(implementation = TokenBody.class))),
            @ApiResponse(responseCode = "400", description = "no body, or challenge or code missing"),
            @ApiResponse(responseCode = "401", description = "wrong or reused code, or an expired challenge"),
            @ApiResponse(responseCode = "429", description = "too many failures; Retry-After says how long to wait")})
    public Response mfa(MfaRequest body, @Context HttpServletRequest request) {
        RequestChecks.body(body);
        RequestChecks.start().required("challenge", body.challenge()).required("code", body.code()).verify();
        return secret(loginBody(authenticator.completeMfa(body.challenge(), body.code(), RestClients.of(request))));
    }

    @POST
    @Path("logout")
    @AllowedDuringEnrolment
    @Operation(summary = "End the calling session", responses = @ApiResponse(responseCode = "204", description = "ended"))
    public Response logout(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authenticator.logout(RestClients.token(authorization));
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @AllowedDuringEnrolment
    @Operation(summary = "The caller's account, roles and two-factor state", responses = @ApiResponse(
            responseCode = "200", description = "the account", content = @Content(schema = @Schema(implementation = UserBody.class))))
    public UserBody me() {
        return UserBody.self(accounts.me());
    }

    @GET
    @Path("sessions")
    @Operation(summary = "The caller's live sessions, newest first; current marks this one", responses = @ApiResponse(
            responseCode = "200", description = "the sessions"))
    public List<SessionBody> sessions(@Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @Context HttpServletRequest request) {
        AuthenticatedSession current = RestClients.session(authenticator, authorization, RestClients.of(request));
        return sessions.sessionsOf(current.caller().id()).stream()
                .map(session -> SessionBody.of(session, current.sessionId())).toList();
    }

    @DELETE
    @Path("sessions/{id}")
    @Operation(summary = "End one of the caller's sessions", responses = {
            @ApiResponse(responseCode = "204", description = "ended"),
            @ApiResponse(responseCode = "404", description = "no such session of the caller")})
    public Response revokeSession(@PathParam("id") String id,
                                  @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                  @Context HttpServletRequest request) {
        AuthenticatedSession current = RestClients.session(authenticator, authorization, RestClients.of(request));
        boolean own = sessions.sessionsOf(current.caller().id()).stream().anyMatch(session -> session.id().equals(id));
        if (!own) {
            // administrators may revoke anyone's session through the service, but not here: this is "my sessions"
            throw new NotFoundException(SESSION_KIND, PRINTABLE_ID.matcher(id).matches() ? id : "(invalid id)");
        }
        sessions.revoke(id);
        return Response.noContent().build();
    }

    @POST
    @Path("totp/enroll")
    @AllowedDuringEnrolment
    @Operation(summary = "Start setting up an authenticator app: a fresh secret, its otpauth URI and QR code",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the secret to scan or type in",
                            content = @Content(schema = @Schema(implementation = TotpEnrolmentBody.class))),
                    @ApiResponse(responseCode = "409", description = "two-factor login is already on")})
    public Response enrolTotp() {
        return secret(TotpEnrolmentBody.of(accounts.enrolTotp()));
    }

    @POST
    @Path("totp/confirm")
    @AllowedDuringEnrolment
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch two-factor login on with a code from the app; answers the recovery codes once",
            responses = {
                    @ApiResponse(responseCode = "200", description = "ten single-use recovery codes",
                            content = @Content(schema = @Schema(implementation = RecoveryCodesBody.class))),
                    @ApiResponse(responseCode = "400", description = "code missing, or wrong")})
    public Response confirmTotp(TotpCodeRequest body) {
        RequestChecks.body(body);
        RequestChecks.start().required("code", body.code()).verify();
        return secret(new RecoveryCodesBody(List.copyOf(accounts.confirmTotp(body.code()))));
    }

    @DELETE
    @Path("totp")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch two-factor login off with the password and a code", responses = {
            @ApiResponse(responseCode = "204", description = "switched off"),
            @ApiResponse(responseCode = "400", description = "password or code missing or too long"),
            @ApiResponse(responseCode = "401", description = "wrong password or code")})
    public Response removeTotp(TotpRemovalRequest body) {
        RequestChecks.body(body);
        RequestChecks.start().password("password", body.password()).required("code", body.code()).verify();
        accounts.removeTotp(body.password(), body.code());
        return Response.noContent().build();
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; ends the caller's other sessions", responses = {
            @ApiResponse(responseCode = "204", description = "changed"),
            @ApiResponse(responseCode = "400", description = "a password missing or too long, or the new one refused"
                    + " by the password policy"),
            @ApiResponse(responseCode = "401", description = "the current password is wrong")})
    public Response changePassword(PasswordChangeRequest body,
                                   @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @Context HttpServletRequest request) {
        RequestChecks.body(body);
        RequestChecks.start().password("currentPassword", body.currentPassword())
                .password("newPassword", body.newPassword()).verify();
        AuthenticatedSession current = RestClients.session(authenticator, authorization, RestClients.of(request));
        accounts.changePassword(body.currentPassword(), body.newPassword(), current.sessionId());
        return Response.noContent().build();
    }

    /** The body of a login step: the token, or the challenge for the second factor. */
    static Object loginBody(LoginResult result) {
        if (result.mfaRequired()) {
            return new MfaChallengeBody(true, result.challenge(), result.expiresAt());
        }
        return new TokenBody(result.token(), result.expiresAt(), result.totpEnrolmentRequired());
    }

    /** 200 with a body holding a secret (token, TOTP secret, recovery codes): never stored by any cache. */
    static Response secret(Object body) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.ok(body).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
