// Opening a database with a secret of AWS Secrets Manager from the web console: the demo account's
// RDS instance "orders" played by a real PostgreSQL, whose master user secret and a reporting
// login's secret hold that server's credentials. Nothing of a secret's value may reach the browser,
// a file or the server's output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './local-postgres.mjs';
import {
  DEMO_SEED, filesHolding, freePort, launchBrowser, newPage, screenshot, signInWithKeyboard, startDemoServer,
} from './console-fixture.mjs';

const REPORTING_PASSWORD = `Secret-Canary-${crypto.randomBytes(8).toString('hex')}`;

let server;
let postgres;
let browser;

/** The demo account with "orders" on the local PostgreSQL, its secrets holding its logins, and cleo denied their values. */
function demoWithSecrets(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  const account = seed.accounts[0];
  const region = account.regions.find((r) => r.name === 'eu-west-1');
  Object.assign(region.dbInstances.find((db) => db.identifier === 'orders'),
    { address: '127.0.0.1', port: postgres.port, dbName: 'orders' });
  const secret = (name) => region.secrets.find((s) => s.name === name);
  secret('rds!db-orders').secretString = JSON.stringify({ username: postgres.user, password: postgres.password });
  secret('shop/orders-reader').secretString = JSON.stringify({ engine: 'postgres', dbInstanceIdentifier: 'orders',
    username: 'reporting', password: REPORTING_PASSWORD });
  account.users.find((u) => u.name === 'cleo').deny.push('secretsmanager:GetSecretValue');
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return ['--demo-seed', file, '--database-authorities', postgres.authority];
}

before(async () => {
  postgres = startPostgres(await freePort());
  postgres.psql('postgres', 'CREATE DATABASE orders');
  postgres.psql('orders', `CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2), (3);`
    + ` CREATE ROLE reporting LOGIN PASSWORD '${REPORTING_PASSWORD}'; GRANT SELECT ON orders TO reporting`);
  server = await startDemoServer(demoWithSecrets);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
  postgres?.stop();
});

/** Signs `who` in and opens the connect form of "orders" with "Secret from AWS Secrets Manager" chosen. */
async function secretFormAs(who) {
  const page = await newPage(browser, server.baseUrl);
  await signInWithKeyboard(page, who);
  await page.getByRole('button', { name: 'Open orders', exact: true }).click();
  const form = page.locator('#connect-form');
  await form.getByRole('heading', { name: 'Connect to orders (postgres)' }).waitFor();
  await form.getByLabel('Secret from AWS Secrets Manager').check();
  await form.locator('select[name=secretArn] option').first().waitFor({ state: 'attached' });
  return { page, form };
}

test('a person opens a database with a secret they choose, and saves the connection by its ARN', async () => {
  const { page, form } = await secretFormAs('ada');
  const offered = await form.locator('select[name=secretArn] option').allTextContents();
  assert.deepEqual(offered.map((text) => text.split(' – ')[0]), ['rds!db-orders (managed by RDS)', 'shop/orders-reader'],
    'the database\'s own secrets, the webhook token not');
  assert.equal(offered[1], 'shop/orders-reader – the shop\'s reporting login', 'with its description');
  assert.equal(await form.getByLabel('Database user', { exact: true }).isVisible(), false, 'the secret holds the user');
  await form.locator('select[name=secretArn]').selectOption({ label: offered[1] });
  await form.getByLabel('Save as').fill('Orders as reporting');
  await screenshot(page, 'secrets-01-choose');
  await form.getByRole('button', { name: 'Connect' }).click();

  const editor = page.locator('#editor');
  await editor.getByRole('heading', { name: /orders as arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop\/orders-reader-/ })
    .waitFor();
  await page.getByLabel('SQL').fill('SELECT count(*) AS n FROM orders');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('grid').getByRole('gridcell', { name: '3', exact: true }).waitFor();
  await screenshot(page, 'secrets-02-query');

  // The saved connection names the secret, and opening it again reads the secret again.
  await page.getByText(/^Orders as reporting: secret shop\/orders-reader-/).waitFor();
  await page.getByRole('button', { name: 'Open saved Orders as reporting' }).click();
  assert.equal(await form.getByLabel('Secret from AWS Secrets Manager').isChecked(), true);
  await form.locator('select[name=secretArn] option').first().waitFor({ state: 'attached' });
  assert.match(await form.locator('select[name=secretArn]').inputValue(), /:secret:shop\/orders-reader-/);
  await form.getByRole('button', { name: 'Connect' }).click();
  await page.locator('#open-databases li').nth(1).waitFor();
  await screenshot(page, 'secrets-03-saved');
  assert.ok(!(await page.content()).includes(REPORTING_PASSWORD), 'no value reaches the page');
});

test('a person whose IAM permissions do not allow reading the secret is told which action is missing', async () => {
  const { page, form } = await secretFormAs('cleo');
  assert.deepEqual((await form.locator('select[name=secretArn] option').allTextContents()).map((text) => text.split(' – ')[0]),
    ['rds!db-orders (managed by RDS)'], 'secrets judged by their value are offered only to who may read them');
  await form.getByRole('button', { name: 'Connect' }).click();
  await form.locator('[role=alert]').getByText(/secretsmanager:GetSecretValue/).waitFor();
  await screenshot(page, 'secrets-04-denied');
});

test('no secret value is in any file or the server\'s output', () => {
  const values = [REPORTING_PASSWORD, postgres.password, 'demo-webhook-token'];
  assert.deepEqual(filesHolding(server.data, values), []);
  assert.ok(values.every((value) => !server.output().includes(value)), 'the server printed a secret\'s value');
});
