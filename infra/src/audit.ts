/**
 * What outlives a mistake: an AWS Backup plan for the table (daily backups kept 35 days, monthly ones
 * kept 7 years, in a vault under the data key — PITR alone goes back 35 days only), and a CloudTrail
 * trail of every management event in every region, its log files validated and kept 400 days (≥ 180).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  type BackupSelection,
  BackupVault,
} from 'aws-cdk-lib/aws-backup';
import { Trail } from 'aws-cdk-lib/aws-cloudtrail';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Days the trail's log files are kept (S3 lifecycle). */
export const TRAIL_RETENTION_DAYS = 400;

/** The backup rules: a daily copy for recent mistakes, a monthly one for the long memory of a record. */
export const BACKUP_RETENTION = { dailyDays: 35, monthlyDays: 7 * 365 } as const;

export interface AuditProps {
  table: Table;
  key: Key;
  logs: IBucket;
}

export class Audit extends Construct {
  readonly plan: BackupPlan;
  readonly vault: BackupVault;
  readonly selection: BackupSelection;
  readonly trail: Trail;
  readonly trailBucket: Bucket;

  constructor(scope: Construct, id: string, props: AuditProps) {
    super(scope, id);
    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.plan = new BackupPlan(this, 'Plan', { backupVault: this.vault });
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ hour: '18', minute: '0' }),
        deleteAfter: Duration.days(BACKUP_RETENTION.dailyDays),
      }),
    );
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: Schedule.cron({ day: '1', hour: '18', minute: '0' }),
        deleteAfter: Duration.days(BACKUP_RETENTION.monthlyDays),
      }),
    );
    this.selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromDynamoDbTable(props.table)],
    });

    this.trailBucket = new Bucket(this, 'TrailLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logs,
      serverAccessLogsPrefix: 'trail/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          expiration: Duration.days(TRAIL_RETENTION_DAYS),
          noncurrentVersionExpiration: Duration.days(TRAIL_RETENTION_DAYS),
        },
      ],
    });
    this.trail = new Trail(this, 'Trail', {
      bucket: this.trailBucket,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: new LogGroup(this, 'TrailEvents', {
        retention: RetentionDays.SIX_MONTHS,
        removalPolicy: RemovalPolicy.RETAIN,
      }),
    });
  }
}
