import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOf, type Synthesized, statementsOf, synthesize } from './testing/synth.js';

let s: Synthesized;
beforeAll(() => {
  s = synthesize('aws', {
    mailFrom: 'noreply@jiandu.example',
    alarmEmail: 'ops@jiandu.example',
    webDomain: 'jiandu.example',
    webCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0000',
    apiMaxConcurrency: '50',
  });
});

describe('a deployment with mail, an alarm address, its own domain and an API ceiling', () => {
  it('stays free of unacknowledged cdk-nag findings', () => {
    expect(s.findings.errors).toEqual([]);
    expect(s.findings.warnings).toEqual([]);
  });

  it('sends mail from the SES identity, each function allowed that identity only', () => {
    s.template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'noreply@jiandu.example' });
    const fns = Object.values(resourcesOf(s.template, 'AWS::Lambda::Function'));
    for (const f of fns) {
      expect(f.Properties?.Environment).toMatchObject({ Variables: { MAIL_FROM: 'noreply@jiandu.example' } });
    }
    const ses = Object.values(resourcesOf(s.template, 'AWS::IAM::Policy'))
      .flatMap(statementsOf)
      .filter((st) => JSON.stringify(st.Action).includes('ses:'));
    expect(ses).toHaveLength(fns.length);
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

describe('an account at the minimum concurrency', () => {
  it('reserves none', () => {
    const t = synthesize('aws', { reservedConcurrency: 'false' }).template;
    for (const f of Object.values(resourcesOf(t, 'AWS::Lambda::Function'))) {
      expect(f.Properties?.ReservedConcurrentExecutions).toBeUndefined();
    }
  });
});
