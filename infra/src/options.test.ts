import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTITIONS } from './build.js';
import { TRIAL_DIGEST_RETENTION_DAYS } from './config.js';
import { resourcesOf, type Synthesized, statementsOf, synthesize } from './testing/synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize('aws', {
    // SES is not offered in every region (not in ap-east-1, where the default check runs).
    region: 'eu-west-1',
    mailFrom: 'noreply@jiandu.example',
    mailTransport: 'ses',
    alarmEmail: 'ops@jiandu.example',
    webDomain: 'jiandu.example',
    webCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0000',
    apiMaxConcurrency: '50',
    firstAdmins: 'sysadmin:alice,secadmin:bob',
  });
});

const varsOf = (f: { Properties?: Record<string, unknown> }) =>
  (f.Properties?.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {};

describe('a deployment with mail, an alarm address, its own domain and an API ceiling', () => {
  it('gives the first administrators to the API function alone, which creates them on an empty table', () => {
    const fns = Object.values(resourcesOf(s.template, 'AWS::Lambda::Function'));
    const given = fns.filter((f) => varsOf(f).JIANDU_FIRST_ADMINS !== undefined);
    expect(given.map((f) => [f.Properties?.Description, varsOf(f).JIANDU_FIRST_ADMINS])).toEqual([
      ['Jiandu api', 'sysadmin:alice,secadmin:bob'],
    ]);
  });

  it('stays free of unacknowledged cdk-nag findings', () => {
    expect(s.findings.errors).toEqual([]);
    expect(s.findings.warnings).toEqual([]);
  });

  it('sends mail from the SES identity, only the functions that notify allowed that identity only', () => {
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'noreply@jiandu.example' });
    const fns = Object.values(resourcesOf(s.template, 'AWS::Lambda::Function'));
    const notifying = fns.filter((f) =>
      ['Jiandu outbox-dispatcher', 'Jiandu scheduler'].includes(String(f.Properties?.Description)),
    );
    expect(notifying).toHaveLength(2);
    for (const f of notifying) {
      expect(f.Properties?.Environment).toMatchObject({
        Variables: { MAIL_FROM: 'noreply@jiandu.example', MAIL_TRANSPORT: 'ses' },
      });
      expect(varsOf(f)).not.toHaveProperty('SMTP_SECRET_ARN');
    }
    for (const f of fns.filter((x) => !notifying.includes(x))) {
      expect(varsOf(f)).not.toHaveProperty('MAIL_FROM');
    }
    s.template.resourcePropertiesCountIs(
      'AWS::SecretsManager::Secret',
      { Description: Match.stringLikeRegexp('SMTP') },
      0,
    );
    const ses = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
      .flatMap(statementsOf)
      .filter((st) => JSON.stringify(st.Action).includes('ses:'));
    expect(ses).toHaveLength(notifying.length);
    for (const st of ses) {
      expect(st.Action).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      expect(JSON.stringify(st.Resource)).toContain('"AWS::Partition"');
    }
  });

  it('mails the alarms, serves the SPA on its domain with TLS 1.2, and caps the API function', () => {
    s.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@jiandu.example',
    });
    s.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['jiandu.example'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://jiandu.example'],
    });
    s.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Jiandu api',
      ReservedConcurrentExecutions: 50,
    });
  });
});

describe('a trial deployment (production=false)', () => {
  it.each(PARTITIONS)(
    'locks each digest a day in governance mode in %s, so the trial can be torn down',
    (partition) => {
      const t = synthesize(partition, { production: 'false' }).template;
      t.hasResourceProperties('AWS::S3::Bucket', {
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: TRIAL_DIGEST_RETENTION_DAYS } },
        },
      });
    },
  );
});

describe('an account at the minimum concurrency', () => {
  it('reserves none', () => {
    const t = synthesize('aws', { reservedConcurrency: 'false' }).template;
    for (const f of Object.values(resourcesOf(t, 'AWS::Lambda::Function'))) {
      expect(f.Properties?.ReservedConcurrentExecutions).toBeUndefined();
    }
  });
});
