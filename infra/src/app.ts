/**
 * The CDK app (cdk.json runs it): builds the Lambda bundles, then the Jiandu stack (and CloudFront's web
 * ACL stack in us-east-1) from the context and the CLI's environment — a China region, however given
 * (`-c region=cn-north-1`, `-c partition=aws-cn`, or a profile whose region is cn-*), makes it a China
 * deployment — with cdk-nag applied.
 */
import { buildBundles } from '@jiandu/functions/bundles';
import { App } from 'aws-cdk-lib';
import { buildApp } from './build.js';
import { readConfig } from './config.js';

const app = new App();
const config = readConfig((k) => app.node.tryGetContext(k), process.env);
await buildBundles(config.bundleDir);
buildApp(app, config, String(app.node.tryGetContext('stackName') ?? 'Jiandu'));
app.synth();
