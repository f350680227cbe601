/**
 * The admin SPA on S3 behind CloudFront with origin access control, under the same origin as the API
 * (`/api/*` goes to the HTTP API uncached, as `npm start` serves both on one port), with security
 * headers on every response. Client-side routes are rewritten to /index.html by a CloudFront Function
 * on the SPA's behavior only — not by error pages, which would turn the API's 403/404 problem+json into
 * the SPA shell. Upload the build with `aws s3 sync admin/dist s3://<WebBucket>` (README).
 */
import { contentSecurityPolicy } from '@jiandu/functions/app/content-security-policy';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface WebProps {
  logs: IBucket;
  /** A custom domain with its ACM certificate (us-east-1): viewers then need TLS 1.2. */
  domain?: { name: string; certificateArn: string };
  /** The HTTP API's host name. */
  apiDomainName: string;
  /** Origins the SPA talks to besides its own (the token issuer). */
  connectSources: string[];
  /** The web ACL (CLOUDFRONT scope, made in us-east-1) every request passes first. */
  webAclArn: string;
  /**
   * The header CloudFront adds to every request it sends the API, whose value only it and the API know:
   * the API refuses requests without it, i.e. any that reached the execute-api endpoint directly.
   */
  originHeader: { name: string; value: string };
}

/** Paths whose last segment has no dot are the SPA's own routes: serve the shell. */
const SPA_ROUTES = `function handler(event) {
  var r = event.request;
  if (r.uri.indexOf('.', r.uri.lastIndexOf('/')) === -1) r.uri = '/index.html';
  return r;
}`;

export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { region, urlSuffix } = Stack.of(this);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });
    // The same policy `npm start` sends (one definition, in functions); here evidence up- and downloads
    // use presigned S3 URLs of this region.
    const csp = contentSecurityPolicy([`https://*.s3.${region}.${urlSuffix}`, ...props.connectSources]);
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Jiandu security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          // Inspectors photograph evidence in the field; nothing else needs a device.
          {
            header: 'Permissions-Policy',
            value: 'camera=(self), microphone=(), geolocation=()',
            override: true,
          },
        ],
      },
    });
    const routes = new EdgeFunction(this, 'SpaRoutes', {
      code: FunctionCode.fromInline(SPA_ROUTES),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Jiandu admin SPA and API',
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: props.logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
        functionAssociations: [{ function: routes, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            customHeaders: { [props.originHeader.name]: props.originHeader.value },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header (Authorization, Idempotency-Key …) but Host, which API Gateway must not get.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });
  }

  /** Where users open the app: the custom domain, else CloudFront's own. */
  url(domain?: string): string {
    return `https://${domain ?? this.distribution.distributionDomainName}`;
  }
}
