/**
 * The CDK app (cdk.json runs it): builds the Lambda bundles, then one Jiandu stack from the context —
 * `-c region=cn-north-1` (or `-c partition=aws-cn`) for the China regions — with cdk-nag applied.
 */
import { buildBundles } from '@jiandu/functions/bundles';
import { App } from 'aws-cdk-lib';
import { buildApp } from './build.js';
import { readConfig } from './config.js';

const app = new App();
const config = readConfig((k) => app.node.tryGetContext(k));
await buildBundles(config.bundleDir);
buildApp(app, config, String(app.node.tryGetContext('stackName') ?? 'Jiandu'));
app.synth();
