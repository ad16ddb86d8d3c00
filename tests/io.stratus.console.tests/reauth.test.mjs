// Keys that expire under open work, in the web console: the header warns before the session's keys expire, the
// re-authentication dialog opens over the page when they do, a different identity is refused in it, and renewing
// keeps the page (the open DynamoDB table, its rows, the explorer) and the session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_SEED, filesHolding, keys, launchBrowser, newPage, screenshot, signInWithKeyboard, signInWithMethod,
  startDemoServer,
} from './console-fixture.mjs';

/** How long the keys of the role Brief last: a simulator setting, as AWS's shortest keys last 15 minutes. */
const KEYS_LAST_SECONDS = 40;

let server;
let browser;

/** The shipped demo account with one more role, Brief, which ada and ben may assume and whose keys expire soon. */
function demoWithBriefKeys(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  seed.accounts[0].roles.push({ name: 'Brief', trustedBy: ['ada', 'ben'], keysLastSeconds: KEYS_LAST_SECONDS });
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return ['--demo-seed', file];
}

before(async () => {
  server = await startDemoServer(demoWithBriefKeys);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('expired keys open a re-authentication dialog over the page; renewing keeps the page and the session', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.getByRole('heading', { name: 'Set up this Stratus instance' }).waitFor();
  await signInWithKeyboard(page, 'ada');
  await page.locator('[data-service=RDS]').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();

  const brief = `arn:aws:iam::${keys.ada.account}:role/Brief`;
  await signInWithMethod(page, 'ada', { 'Role ARN': brief });
  await page.locator('[data-service=DYNAMODB]').waitFor();
  const expiry = page.locator('#expiry');
  assert.match(await expiry.textContent(), /temporary AWS keys until \d.*, expiring soon/, 'the header warns');
  assert.ok(await expiry.evaluate((node) => node.classList.contains('warning')));
  assert.ok(await page.getByRole('button', { name: 'Re-authenticate…' }).isVisible(), 'one may renew before they expire');
  const cookieBefore = (await page.context().cookies()).find((c) => c.name === 'stratus_session').value;

  await page.getByRole('button', { name: 'Open carts', exact: true }).click();
  await page.locator('#connect-form').getByRole('button', { name: 'Connect' }).click();
  const editor = page.locator('#editor');
  await editor.getByRole('heading', { name: 'carts (DynamoDB) with your AWS identity' }).waitFor();
  const dynamo = page.getByRole('form', { name: 'DynamoDB request' });
  const status = page.locator('#result-status');
  const grid = page.getByRole('grid');
  await dynamo.getByLabel('Operation').selectOption('Scan');
  await dynamo.getByRole('button', { name: 'Run' }).click();
  await grid.getByRole('columnheader', { name: 'item' }).waitFor();
  const rows = await status.textContent();
  assert.match(rows, /^\d+ rows?\.$/);
  await screenshot(page, 'reauth-01-keys-expire-soon');

  // The keys expire under the open table: the console asks the server at that moment and opens the dialog.
  const dialog = page.getByRole('dialog', { name: 'Re-authenticate to carry on' });
  await dialog.waitFor({ timeout: (KEYS_LAST_SECONDS + 30) * 1000 });
  assert.match(await dialog.locator('#reauth-why').textContent(), /expired/);
  assert.equal(await dialog.getByLabel('Access key ID').inputValue(), keys.ada.accessKeyId, 'what is not secret is filled in');
  assert.equal(await dialog.getByLabel('Role ARN').inputValue(), brief);
  assert.equal(await dialog.getByLabel('Secret access key').inputValue(), '');
  assert.equal(await expiry.textContent(), 'AWS keys expired');
  assert.ok(await grid.getByRole('columnheader', { name: 'item' }).count(), 'the rows stay under the dialog');
  const refused = await page.evaluate(async () => {
    const response = await fetch('/api/explorer/refresh', { method: 'POST', body: '{}',
      headers: { 'Content-Type': 'application/json', 'X-Stratus-Request': '1' } });
    return { status: response.status, body: await response.json() };
  });
  assert.equal(refused.status, 401);
  assert.equal(refused.body.error.code, 'keys_expired', 'calls that need the keys say so, apart from "signed out"');
  await screenshot(page, 'reauth-02-dialog');

  await dialog.getByLabel('Access key ID').fill(keys.ben.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(keys.ben.secretAccessKey);
  await dialog.getByRole('button', { name: 'Re-authenticate' }).click();
  await dialog.getByRole('alert').getByText('hand one person\'s open work').waitFor();
  assert.equal(await dialog.getByLabel('Secret access key').inputValue(), '', 'the secret is cleared once sent');
  await screenshot(page, 'reauth-03-another-identity-refused');

  await dialog.getByLabel('Access key ID').fill(keys.ada.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(keys.ada.secretAccessKey);
  await dialog.getByRole('button', { name: 'Re-authenticate' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.match(await expiry.textContent(), /temporary AWS keys until/);
  assert.match(await page.locator('#notice').textContent(), /New AWS keys are in your session/);
  assert.ok(await editor.getByRole('heading', { name: 'carts (DynamoDB) with your AWS identity' }).isVisible(), 'the table stays open');
  assert.equal(await status.textContent(), rows, 'its rows stay');
  const cookieAfter = (await page.context().cookies()).find((c) => c.name === 'stratus_session').value;
  assert.equal(cookieAfter, cookieBefore, 'the same session');
  await status.evaluate((node) => { node.textContent = ''; });
  await dynamo.getByRole('button', { name: 'Run' }).click();
  await status.getByText(rows).waitFor();
  await page.getByRole('button', { name: 'Explorer' }).click();
  await page.locator('[data-service=DYNAMODB]').waitFor();
  await page.getByRole('button', { name: 'Query' }).click();
  assert.ok(await page.getByRole('button', { name: /^Use carts/ }).isVisible(), 'the table is still open in the session');
  await screenshot(page, 'reauth-04-renewed');

  await page.getByRole('button', { name: 'Sign out' }).click();
  assert.deepEqual(filesHolding(server.data, [keys.ada.secretAccessKey, keys.ben.secretAccessKey]), [],
    'no secret is in a file of the server');
});
