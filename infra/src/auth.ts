/**
 * Who signs the tokens in AWS (DESIGN §6): a Cognito user pool by default — roles as groups (one per
 * role of the core), the home unit as the `custom:unit` attribute, both in the ID token the SPA sends —
 * or any OIDC issuer given by context. Either way the stack ends with an issuer, an audience, a JWKS URL
 * and the three claim names (roles, unit, the username of the Jiandu account), which the API's JWT authorizer and the app's own verifier both use.
 */
import { role } from '@jiandu/shared';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { OidcIssuer } from './config.js';

export const COGNITO_ROLES_CLAIM = 'cognito:groups';
export const COGNITO_UNIT_CLAIM = 'custom:unit';
export const COGNITO_USERNAME_CLAIM = 'cognito:username';

export interface AuthProps {
  oidc?: OidcIssuer;
  /** The SPA's URL (sign-in callback), when the stack hosts it. */
  appUrl?: string;
}

export class Auth extends Construct {
  readonly issuer: OidcIssuer;
  readonly userPool?: UserPool;
  readonly client?: UserPoolClient;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    if (props.oidc) {
      this.issuer = props.oidc;
      return;
    }
    const pool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true }, fullname: { mutable: true } },
      customAttributes: { unit: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const code of role.codes) {
      new CfnUserPoolGroup(this, `Group-${code}`, {
        userPoolId: pool.userPoolId,
        groupName: code,
        description: `${role.labels[code].zh} / ${role.labels[code].en}`,
      });
    }
    // Users read their unit but never write it: only an administrator moves a user.
    const client = pool.addClient('Spa', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('unit'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      ...(props.appUrl
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: [props.appUrl],
              logoutUrls: [props.appUrl],
            },
          }
        : { disableOAuth: true }),
    });
    this.userPool = pool;
    this.client = client;
    // The pool's ProviderURL attribute: https://cognito-idp.<region>.<partition's suffix>/<pool id>.
    this.issuer = {
      issuer: pool.userPoolProviderUrl,
      audience: client.userPoolClientId,
      jwksUrl: `${pool.userPoolProviderUrl}/.well-known/jwks.json`,
      rolesClaim: COGNITO_ROLES_CLAIM,
      unitClaim: COGNITO_UNIT_CLAIM,
      // Always in a Cognito ID token (preferred_username only when set): the Jiandu account's name.
      usernameClaim: COGNITO_USERNAME_CLAIM,
    };
  }
}
