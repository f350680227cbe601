/**
 * Where data lives (DESIGN §5, §6): the one DynamoDB table, the KMS keys, the evidence bucket, the
 * Object Lock bucket of the daily digests, and the bucket the others' access logs go to. Everything is
 * retained when the stack is deleted: records of supervision outlive a deployment.
 */
import { TABLE } from '@jiandu/functions/store/table';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectLockRetention,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { indexShapes, tableShape } from './table.js';

export interface StorageProps {
  digestRetentionDays: number;
  /**
   * Production: every digest in compliance mode (no one, not even the account's root user, can shorten
   * or remove it). Otherwise governance mode, which an administrator may bypass to tear a trial down.
   */
  production: boolean;
}

/** What every bucket here shares: private, TLS only, versioned, kept. */
const privateBucket = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  versioned: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

export class Storage extends Construct {
  /** Table, evidence, queues and the alarm topic. */
  readonly dataKey: Key;
  /** Petitioner identity only: envelope encryption of PII (functions/src/aws/kms-key-wrapper.ts). */
  readonly piiKey: Key;
  readonly table: Table;
  readonly logs: Bucket;
  readonly evidence: Bucket;
  readonly digests: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.dataKey = new Key(this, 'DataKey', {
      description: 'Jiandu data at rest: table, evidence, queues, alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.piiKey = new Key(this, 'PiiKey', {
      description: 'Jiandu petitioner PII: wraps the per-record data keys and the matching HMAC key',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new Table(this, 'Table', {
      ...tableShape(TABLE),
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of indexShapes(TABLE)) this.table.addGlobalSecondaryIndex(index);

    // Log delivery writes with SSE-S3 only; CloudFront's standard logs need object ACLs.
    this.logs = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    });

    this.evidence = new Bucket(this, 'Evidence', {
      ...privateBucket,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.dataKey,
      bucketKeyEnabled: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'evidence/',
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    // SSE-S3, not KMS: a digest must stay readable for its whole retention, whatever happens to a key.
    this.digests = new Bucket(this, 'Digests', {
      ...privateBucket,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      objectLockEnabled: true,
      objectLockDefaultRetention: (props.production
        ? ObjectLockRetention.compliance
        : ObjectLockRetention.governance)(Duration.days(props.digestRetentionDays)),
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'digests/',
    });
  }

  /**
   * Browsers upload evidence straight to S3 with presigned URLs, from the SPA's origin — CloudFront's, or
   * the one configured (appOrigin) where the SPA is served by a web server of the operator's.
   */
  allowUploadsFrom(origin: string): void {
    this.evidence.addCorsRule({
      allowedOrigins: [origin],
      allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
      allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
      maxAge: 3600,
    });
  }
}
