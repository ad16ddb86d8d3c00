// Opening a Redshift cluster with the credentials Redshift issues, from the web console's connect
// form: the demo account's "warehouse" played by a real PostgreSQL, which lets the database users
// Redshift names (IAM:ada, IAM:analyst) in without a password check (the Java tests have the AWS
// simulator check the issued password at login). PostgreSQL then refuses the Redshift driver's own
// startup parameter: the error shows the login got that far. The form offers only the login methods
// the engine takes: Redshift no RDS IAM token, Aurora DSQL no password.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './local-postgres.mjs';
import {
  DEMO_SEED, freePort, launchBrowser, newPage, screenshot, signInWithKeyboard, startDemoServer,
} from './console-fixture.mjs';

let server;
let postgres;
let browser;

/** The demo account with its Redshift cluster "warehouse" on the local PostgreSQL. */
function demoWithWarehouse(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  const region = seed.accounts[0].regions.find((r) => r.name === 'eu-west-1');
  Object.assign(region.redshiftClusters.find((c) => c.identifier === 'warehouse'),
    { address: '127.0.0.1', port: postgres.port, dbName: 'warehouse' });
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return ['--demo-seed', file, '--database-authorities', postgres.authority];
}

before(async () => {
  postgres = startPostgres(await freePort());
  postgres.psql('postgres', 'CREATE DATABASE warehouse');
  postgres.psql('warehouse', 'CREATE ROLE "IAM:ada" LOGIN; CREATE ROLE "IAM:analyst" LOGIN');
  postgres.trust('IAM:ada');
  postgres.trust('IAM:analyst');
  server = await startDemoServer(demoWithWarehouse);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  postgres?.stop();
});

async function connectForm(page, name, engine) {
  await page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  const form = page.locator('#connect-form');
  await form.getByRole('heading', { name: `Connect to ${name} (${engine})` }).waitFor();
  return form;
}

test('a person opens a Redshift cluster with credentials issued for their IAM identity, or for a database user', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signInWithKeyboard(page, 'ada');
  const form = await connectForm(page, 'warehouse', 'redshift');
  const offered = await form.locator('#login-kind label').allTextContents();
  assert.deepEqual(offered.map((text) => text.trim()), ['A user name and password', 'A secret from AWS Secrets Manager',
    'Temporary credentials for your IAM identity', 'Temporary credentials for a database user'], 'no RDS IAM token');

  await form.getByLabel('Temporary credentials for your IAM identity').check();
  assert.equal(await form.getByLabel('Database user', { exact: true }).isVisible(), false, 'Redshift names the user');
  assert.equal(await form.getByLabel('Password', { exact: true }).isVisible(), false);
  assert.match(await page.locator('#connect-help').textContent(), /temporary password for your own IAM identity/);
  await screenshot(page, 'redshift-01-iam-identity');
  await form.getByRole('button', { name: 'Connect' }).click();
  // Past the login as the user GetClusterCredentialsWithIAM named: PostgreSQL is no Redshift.
  await form.locator('[role=alert]').getByText('driver_version').waitFor();
  await screenshot(page, 'redshift-02-iam-identity-tried');

  await form.getByLabel('Temporary credentials for a database user').check();
  await form.getByLabel('Database user', { exact: true }).fill('analyst');
  await form.getByLabel('Database groups').fill('readers, bi');
  await form.getByLabel('Create the user if it does not exist').check();
  await screenshot(page, 'redshift-03-database-user');
  await form.getByRole('button', { name: 'Connect' }).click();
  await form.locator('[role=alert]').getByText('driver_version').waitFor();
  assert.equal(await page.locator('#open-databases li').count(), 0, 'nothing opened');
});

test('Aurora DSQL\'s form asks for a database role and no password', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signInWithKeyboard(page, 'ada');
  const dsql = await connectForm(page, 'ledger', 'aurora-dsql');
  assert.equal(await page.locator('#login-kind').isVisible(), false, 'one login method: nothing to choose');
  assert.equal(await dsql.getByLabel('Database user', { exact: true }).isVisible(), true);
  assert.equal(await dsql.getByLabel('Password', { exact: true }).isVisible(), false, 'no password field');
  await screenshot(page, 'redshift-04-dsql');
});
